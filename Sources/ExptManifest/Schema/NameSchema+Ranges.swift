/// The ranges the decoders check, read from the schema so that they are written once.
extension NameSchema {
    /// The range of the number setting `key`. A decoder that reads a key its schema does not
    /// list as a number is a programming error, which the schema tests reach for every key.
    func numberRange(_ key: String) -> ManifestDecoder.NumberRange {
        guard case .number(let range)? = setting(key)?.kind else {
            preconditionFailure("\(name) lists no number setting \"\(key)\"")
        }
        return range
    }

    /// The range of the integer setting `key` (see ``numberRange(_:)``).
    func integerRange(_ key: String) -> ClosedRange<Int> {
        guard case .integer(let range)? = setting(key)?.kind else {
            preconditionFailure("\(name) lists no integer setting \"\(key)\"")
        }
        return range
    }
}
