import ExptConfig
import ExptOptim

extension Hyperparameter {
    /// The setting's row in the manifest reference, with its default in `defaults`.
    func schema(defaults: Settings) -> SettingSchema {
        switch value {
        case .number(let path, let range):
            SettingSchema(key, .number(range.numberRange), .number(defaults[keyPath: path]), meaning)
        case .flag(let path):
            SettingSchema(key, .flag, .flag(defaults[keyPath: path]), meaning)
        case .pair(let first, let second, _):
            SettingSchema(key, ManifestSchema.betaPair, .pair(defaults[keyPath: first], defaults[keyPath: second]), meaning)
        case .integer(let path, let range):
            SettingSchema(key, .integer(range), .integer(defaults[keyPath: path]), meaning)
        case .requiredNumber(_, let range):
            SettingSchema(key, .number(range.numberRange), .required, meaning)
        case .requiredInteger(_, let range):
            SettingSchema(key, .integer(range), .required, meaning)
        case .runLength:
            SettingSchema(key, ManifestSchema.ticks, .described("the run's ticks after the warm-up"), meaning)
        case .choice(let choice):
            SettingSchema(key, .choice(choice.names + choice.aliases.map(\.alias)), choice.describedDefault.map { .described($0) } ?? .name(choice.name(defaults)),
                          meaning)
        case .milestones:
            SettingSchema(key, .described("increasing integers 1 to \(ScheduleInterval.maximumTicks)"), .required, meaning)
        case .integerRange(let path, let range):
            SettingSchema(key, .described("[low, high], integers \(range.lowerBound) to \(range.upperBound), low ≤ high"),
                          .value("[\(defaults[keyPath: path].lowerBound), \(defaults[keyPath: path].upperBound)]"), meaning)
        case .described(let description):
            SettingSchema(key, .described(description.type), description.defaultValue.map { .described($0) } ?? .required, meaning)
        }
    }
}

extension HyperparameterRange {
    /// The range as the manifest decoder checks it.
    var numberRange: ManifestDecoder.NumberRange {
        switch self {
        case .positive: .positive
        case .nonNegative: .nonNegative
        case .closedUnit: .closedUnit
        case .openUnit: .openUnit
        case .halfOpenUnit: .halfOpenUnit
        case .nonPositive: .nonPositive
        case .atLeastOne: .atLeastOne
        }
    }
}
