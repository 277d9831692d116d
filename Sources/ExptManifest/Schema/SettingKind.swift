/// The values a setting takes. Numbers and integers carry the very range their decoder checks;
/// the others say in words what the decoder reads.
enum SettingKind: Sendable, Equatable {
    /// A finite number in a range (an integer is a number too).
    case number(ManifestDecoder.NumberRange)
    /// An integer in a range.
    case integer(ClosedRange<Int>)
    /// `true` or `false`.
    case flag
    /// One of a fixed set of names.
    case choice([String])
    /// Anything else (pairs, paths, columns), in words.
    case described(String)

    /// The choices of a `String`-backed enum, by raw value, in declaration order.
    static func choice<T: RawRepresentable & CaseIterable>(of _: T.Type) -> SettingKind where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }

    /// The type column of the manifest reference: `number > 0`, `integer 1 to 100000`,
    /// `true | false`, `cos | linear`.
    var description: String {
        switch self {
        case .number(let range): range.schemaDescription
        case .integer(let range): "integer \(range.lowerBound) to \(range.upperBound)"
        case .flag: "true | false"
        case .choice(let names): names.joined(separator: " | ")
        case .described(let text): text
        }
    }
}

extension ManifestDecoder.NumberRange {
    /// The range as the manifest reference writes it: `number > 0`, `number in [0, 1)`.
    var schemaDescription: String {
        switch self {
        case .positive: "number > 0"
        case .nonNegative: "number ≥ 0"
        case .openUnit: "number in (0, 1)"
        case .closedUnit: "number in [0, 1]"
        case .halfOpenUnit: "number in [0, 1)"
        case .nonPositive: "number ≤ 0"
        case .atLeastOne: "number ≥ 1"
        case .finite: "number"
        }
    }
}

/// Values written as YAML that the manifest decoder reads back to the same value.
enum YAMLText {
    /// `0.001`, `1e-8`, `25`, `0.3333333333333333`: the shortest text that reads back to
    /// `value`, without a fraction for whole numbers and without leading zeros in an exponent.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return "\(Int(value))" }
        let text = "\(value)"
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        let sign = exponent.first == "-" ? "-" : ""
        exponent = exponent.drop { $0 == "-" || $0 == "+" }.drop { $0 == "0" }
        return "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : exponent)"
    }
}
