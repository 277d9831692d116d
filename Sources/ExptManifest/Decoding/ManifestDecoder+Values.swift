import ExptYAML

/// The readers of typed values. Each reports "expected …, found …" at the value and returns
/// nil when the value does not fit. The vocabulary, used everywhere:
///
/// - integers: "a positive integer", "a non-negative integer", "an integer of at least 2",
///   and with an upper bound "a positive integer up to 1000000", "an integer from 2 to 1000";
/// - numbers (ints or floats, finite): "a positive number", "a non-negative number",
///   "a number in (0, 1)", "a number in [0, 1]", "a number in [0, 1)";
/// - "true or false"; "a string"; "a mapping"; "a sequence …";
/// - names from a fixed set: `unknown optimizer "adamw"; expected one of: adam, sgd`;
/// - found values: strings in double quotes (`"fast"`), quoted numbers as `the string "0.1"`,
///   other scalars as written (`-0.1`, `true`, `null`), an empty value as `nothing`,
///   collections as `a sequence` or `a mapping`.
extension ManifestDecoder {
    /// The allowed values of a number.
    enum NumberRange {
        case positive
        case nonNegative
        /// (0, 1)
        case openUnit
        /// [0, 1]
        case closedUnit
        /// [0, 1)
        case halfOpenUnit
        /// (−∞, 0]
        case nonPositive
        /// [1, ∞)
        case atLeastOne
        /// any finite number
        case finite

        func contains(_ x: Double) -> Bool {
            switch self {
            case .positive: x > 0
            case .nonNegative: x >= 0
            case .openUnit: x > 0 && x < 1
            case .closedUnit: x >= 0 && x <= 1
            case .halfOpenUnit: x >= 0 && x < 1
            case .nonPositive: x <= 0
            case .atLeastOne: x >= 1
            case .finite: true
            }
        }

        var description: String {
            switch self {
            case .positive: "a positive number"
            case .nonNegative: "a non-negative number"
            case .openUnit: "a number in (0, 1)"
            case .closedUnit: "a number in [0, 1]"
            case .halfOpenUnit: "a number in [0, 1)"
            case .nonPositive: "a number ≤ 0"
            case .atLeastOne: "a number of at least 1"
            case .finite: "a number"
            }
        }
    }

    func number(_ tree: Tree, _ range: NumberRange) -> Double? {
        guard let value = tree.scalar?.value.number, value.isFinite, range.contains(value) else {
            error(tree, "expected \(range.description), found \(tree.found)")
            return nil
        }
        return value
    }

    /// An integer in `range`. `expected` replaces the description of the type in the message
    /// (`a positive integer or "full"`).
    func integer(_ tree: Tree, _ range: ClosedRange<Int>, expected: String? = nil) -> Int? {
        let lower = range.lowerBound, upper = range.upperBound
        let basic: String = switch lower {
        case 1: "a positive integer"
        case 0: "a non-negative integer"
        default: "an integer of at least \(lower)"
        }
        let bounded: String = switch lower {
        case 1: "a positive integer up to \(upper)"
        case 0: "a non-negative integer up to \(upper)"
        default: "an integer from \(lower) to \(upper)"
        }
        switch tree.scalar?.value {
        case .int(let value) where range.contains(value):
            return value
        case .int(let value) where value > upper:
            error(tree, "expected \(expected ?? bounded), found \(tree.found)")
        case .bigInt(let text) where !text.hasPrefix("-"):
            error(tree, "expected \(expected ?? bounded), found \(tree.found)")
        default:
            error(tree, "expected \(expected ?? basic), found \(tree.found)")
        }
        return nil
    }

    /// A seed: a non-negative integer that fits in 64 bits.
    func seed(_ tree: Tree) -> UInt64? {
        switch tree.scalar?.value {
        case .int(let value) where value >= 0:
            return UInt64(value)
        case .bigInt(let text) where !text.hasPrefix("-"):
            let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
            let value: UInt64? = if digits.hasPrefix("0x") {
                UInt64(digits.dropFirst(2), radix: 16)
            } else if digits.hasPrefix("0o") {
                UInt64(digits.dropFirst(2), radix: 8)
            } else {
                UInt64(digits)
            }
            if let value { return value }
            error(tree, "expected a non-negative integer up to \(UInt64.max), found \(tree.found)")
        default:
            error(tree, "expected a non-negative integer, found \(tree.found)")
        }
        return nil
    }

    func bool(_ tree: Tree) -> Bool? {
        guard case .bool(let value)? = tree.scalar?.value else {
            error(tree, "expected true or false, found \(tree.found)")
            return nil
        }
        return value
    }

    /// Any non-null scalar, as written.
    func string(_ tree: Tree) -> String? {
        guard let text = tree.name else {
            error(tree, "expected a string, found \(tree.found)")
            return nil
        }
        return text
    }

    /// One of a fixed set of names.
    /// - Parameters:
    ///   - kind: what the name names, for messages: "optimizer" gives
    ///     `unknown optimizer "adamw"; expected one of: adam, sgd`.
    ///   - article: "a" or "an", before `kind`.
    func choice<T>(_ tree: Tree, _ kind: String, article: String = "a", _ options: [(String, T)]) -> T? {
        guard let name = tree.name else {
            error(tree, "expected \(article) \(kind) name, found \(tree.found)")
            return nil
        }
        if let match = options.first(where: { $0.0 == name }) {
            return match.1
        }
        let names = options.map(\.0).sorted().joined(separator: ", ")
        error(tree, "unknown \(kind) \(Tree.quote(name)); expected one of: \(names)")
        return nil
    }

    /// The choices of a `String`-backed enum, by raw value.
    static func options<T: RawRepresentable & CaseIterable>(_: T.Type) -> [(String, T)] where T.RawValue == String {
        T.allCases.map { ($0.rawValue, $0) }
    }

    /// A name of an experiment or a variant: it names a folder or file, so it is made of ASCII
    /// letters and digits, `-`, `_` and `.`, does not start with `.`, and has 1 to 100 characters.
    func identifier(_ tree: Tree, _ what: String) -> String? {
        guard let text = tree.name else {
            error(tree, "expected \(what), found \(tree.found)")
            return nil
        }
        let allowed = text.unicodeScalars.allSatisfy { s in
            s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
        }
        guard allowed, !text.isEmpty, !text.hasPrefix(".") else {
            error(tree, "expected \(what) made of letters, digits, '-', '_' and '.', not starting with '.', found \(tree.found)")
            return nil
        }
        guard text.count <= 100 else {
            error(tree, "expected \(what) of at most 100 characters, found \(text.count) characters")
            return nil
        }
        return text
    }
}
