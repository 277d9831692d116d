import ExptConfig

/// Every name a manifest accepts, with its settings: the tables the decoders take their keys,
/// value types and defaults from, and that `expt list` prints. Defaults come from the
/// configuration types' own default instances (`AdamHyperparameters().eps`), so they are
/// written once.
public enum ManifestSchema {
    /// The sections, in the order `expt list` prints them.
    public static let sections: [SchemaSection] = [optimizers, transformations, schedules, datasets, layers]

    /// The section called `name` (`optimizers`, `transformations`, `schedules`, `datasets`, `layers`).
    public static func section(named name: String) -> SchemaSection? {
        sections.first { $0.name == name }
    }
}
