/// A weights file that cannot be read: which file, which array (when the problem is inside
/// one), what was expected and what was found. The message is complete.
public struct WeightsError: Error, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    /// A problem with the file as a whole (its zip structure).
    static func file(_ file: String, _ message: String) -> WeightsError {
        WeightsError("\(file): \(message)")
    }

    /// A problem inside the entry for `array` (its zip entry or its .npy bytes).
    static func array(_ file: String, _ array: String, _ message: String) -> WeightsError {
        WeightsError("\(file): array '\(array)': \(message)")
    }
}
