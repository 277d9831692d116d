import ExptEngine

/// The layer kinds, in the order of `LayerRegistry.kinds`, each from its own settings table: a
/// layer is a mapping whose kind key (listed first) holds the table's first row, or nothing for a
/// kind that takes no value.
extension ManifestSchema {
    public static let layers = SchemaSection(
        name: "layers",
        usage: "model: [{KIND: VALUE, KEY: VALUE, …}, …]; "
            + LayerRegistry.kinds.filter { $0.valueless }.flatMap { $0.manifestNames }.joined(separator: " and ") + " also as a bare name",
        names: LayerRegistry.kinds.flatMap { schema($0) },
        shared: [])

    /// One entry per name of `Kind`: its table, with the defaults of the layer that name makes.
    private static func schema<Kind: LayerKind>(_ kind: Kind.Type) -> [NameSchema] {
        Kind.manifestNames.map { name in
            let defaults = Kind(manifestName: name)
            var rows = Kind.settings.map { row in
                let setting = row.schema(defaults: defaults)
                return Kind.describedDefaults[row.key].map { SettingSchema(setting.key, setting.kind, .described($0), setting.meaning) } ?? setting
            }
            if Kind.valueless {
                let usage = rows.isEmpty ? "Write it as - \(name)." : "Write it as - \(name), or \(name): with options."
                rows.insert(SettingSchema(name, .described("nothing"), .described("nothing"), usage), at: 0)
            } else {
                rows[0].key = name
            }
            return NameSchema(name, defaults.manifestSummary, rows)
        }
    }
}
