/// One setting of a kind (an optimizer's hyperparameter, a schedule's, a layer's or a dataset's
/// setting): its manifest key, where it lives in the settings type, the values it takes and what
/// it does. A kind's table of these (`KindSettings.settings`) is the one place its keys are written:
/// manifest decoding, `expt schema`, `expt list`, the report's columns and the docs read it, and
/// its default is the value the settings type's `init()` gives.
public struct Hyperparameter<Settings> {
    /// Where the value lives and what it is.
    public enum Value {
        /// A number in a range.
        case number(WritableKeyPath<Settings, Double>, HyperparameterRange)
        /// `true` or `false`.
        case flag(WritableKeyPath<Settings, Bool>)
        /// Two numbers, each in [0, 1), written `[b1, b2]` and reported as two columns named `names`.
        case pair(WritableKeyPath<Settings, Double>, WritableKeyPath<Settings, Double>, names: (String, String))
        /// An integer in a range.
        case integer(WritableKeyPath<Settings, Int>, ClosedRange<Int>)
        /// A number the manifest must give (nil only in `init()`).
        case requiredNumber(WritableKeyPath<Settings, Double?>, HyperparameterRange)
        /// An integer the manifest must give (nil only in `init()`).
        case requiredInteger(WritableKeyPath<Settings, Int?>, ClosedRange<Int>)
        /// A tick count that, left out (nil), is the run's ticks after the warm-up.
        case runLength(WritableKeyPath<Settings, Int?>)
        /// One of a set of names.
        case choice(HyperparameterChoice<Settings>)
        /// Tick counts in increasing order, which the manifest must give.
        case milestones(WritableKeyPath<Settings, [Int]?>)
        /// Two integers `[low, high]`, each in a range, low ≤ high.
        case integerRange(WritableKeyPath<Settings, ClosedRange<Int>>, ClosedRange<Int>)
        /// A value its family's decoder reads itself (a file path, a CSV column), described in words.
        case described(HyperparameterDescription<Settings>)

        /// Whether a manifest must give the value.
        public var isRequired: Bool {
            switch self {
            case .requiredNumber, .requiredInteger, .milestones: true
            case .described(let description): description.defaultValue == nil
            case .number, .flag, .pair, .integer, .runLength, .choice, .integerRange: false
            }
        }
    }

    /// The key as written in a manifest (`weight_decay`).
    public let key: String
    public let value: Value
    /// What the setting does, in one sentence.
    public let meaning: String

    public init(_ key: String, _ value: Value, _ meaning: String) {
        self.key = key
        self.value = value
        self.meaning = meaning
    }

    /// The setting's value in `settings`, by its report name, formatted as Swift prints it
    /// (`0.001`, `1e-08`, `false`): a pair gives two entries.
    func listed(in settings: Settings) -> [(name: String, value: String)] {
        switch value {
        case .number(let path, _): [(key, "\(settings[keyPath: path])")]
        case .flag(let path): [(key, "\(settings[keyPath: path])")]
        case .pair(let first, let second, let names):
            [(names.0, "\(settings[keyPath: first])"), (names.1, "\(settings[keyPath: second])")]
        case .integer(let path, _): [(key, "\(settings[keyPath: path])")]
        case .requiredNumber(let path, _): settings[keyPath: path].map { [(key, "\($0)")] } ?? []
        case .requiredInteger(let path, _), .runLength(let path): settings[keyPath: path].map { [(key, "\($0)")] } ?? []
        case .choice(let choice): [(key, choice.name(settings))]
        case .milestones(let path):
            settings[keyPath: path].map { [(key, "[" + $0.map(String.init).joined(separator: ", ") + "]")] } ?? []
        case .integerRange(let path, _):
            [(key, "[\(settings[keyPath: path].lowerBound), \(settings[keyPath: path].upperBound)]")]
        case .described(let description): description.text(settings).map { [(key, $0)] } ?? []
        }
    }
}

/// The ranges a kind's numbers take; the manifest decoder checks them.
public enum HyperparameterRange: Sendable {
    /// > 0
    case positive
    /// ≥ 0
    case nonNegative
    /// [0, 1]
    case closedUnit
    /// (0, 1)
    case openUnit
    /// [0, 1)
    case halfOpenUnit
    /// ≤ 0
    case nonPositive
    /// ≥ 1
    case atLeastOne
}
