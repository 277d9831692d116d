import ExptOptim

/// The optimizers, in the order of `OptimizerRegistry.kinds`, each from its own settings table.
extension ManifestSchema {
    public static let optimizers = SchemaSection(
        name: "optimizers", usage: "optimizer: {name: NAME, KEY: VALUE, …}, or optimizer: NAME for every default",
        names: OptimizerRegistry.kinds.map { schema($0) }, shared: [])

    static let betaPair = SettingKind.described("[b1, b2], each in [0, 1)")

    /// One optimizer's entry: its table, with the defaults of `Kind()`.
    private static func schema<Kind: OptimizerKind>(_ kind: Kind.Type) -> NameSchema {
        let defaults = Kind()
        return NameSchema(Kind.name, Kind.summary, Kind.settings.map { setting in
            switch setting.value {
            case .number(let path, let range):
                SettingSchema(setting.key, .number(range.numberRange), .number(defaults[keyPath: path]), setting.meaning)
            case .flag(let path):
                SettingSchema(setting.key, .flag, .flag(defaults[keyPath: path]), setting.meaning)
            case .pair(let first, let second, _):
                SettingSchema(setting.key, betaPair, .pair(defaults[keyPath: first], defaults[keyPath: second]), setting.meaning)
            }
        })
    }
}

extension HyperparameterRange {
    /// The range as the manifest decoder checks it.
    var numberRange: ManifestDecoder.NumberRange {
        switch self {
        case .positive: .positive
        case .nonNegative: .nonNegative
        case .closedUnit: .closedUnit
        }
    }
}
