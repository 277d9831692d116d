import ExptOptim

/// The transformations an optimizer written as a chain names, in the order of
/// `TransformationRegistry.kinds`, each from its own settings table.
extension ManifestSchema {
    public static let transformations = SchemaSection(
        name: "transformations",
        usage: "optimizer: {chain: [NAME, NAME: VALUE, NAME: {KEY: VALUE, …}, …, scale_by_learning_rate], lr: VALUE}; "
            + "NAME: VALUE gives the first setting",
        names: TransformationRegistry.kinds.map { transformationSchema($0) }, shared: [])

    /// One transformation's entry: its table, with the defaults of `Kind()`.
    private static func transformationSchema<Kind: Transformation>(_ kind: Kind.Type) -> NameSchema {
        NameSchema(Kind.name, Kind.summary, Kind.settings.map { $0.schema(defaults: Kind()) })
    }
}
