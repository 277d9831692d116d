import ExptOptim

/// The optimizers, in the order of `OptimizerRegistry.kinds`, each from its own settings table.
extension ManifestSchema {
    public static let optimizers = SchemaSection(
        name: "optimizers", usage: "optimizer: {name: NAME, KEY: VALUE, …}, or optimizer: NAME for every default",
        names: OptimizerRegistry.kinds.map { schema($0) }, shared: [])

    static let betaPair = SettingKind.described("[b1, b2], each in [0, 1)")

    /// One optimizer's entry: its table, with the defaults of `Kind()`, and the chain it equals at them.
    private static func schema<Kind: OptimizerKind>(_ kind: Kind.Type) -> NameSchema {
        NameSchema(Kind.name, Kind.summary, Kind.settings.map { $0.schema(defaults: Kind()) }, chain: Kind().chain?.chainText)
    }
}
