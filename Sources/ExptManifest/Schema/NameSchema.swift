/// A name a manifest accepts (an optimizer, a schedule, a dataset, a layer kind) with its
/// settings, in the order the manifest reference lists them.
public struct NameSchema: Sendable, Equatable, Encodable {
    /// The name as written (`adam`, `cosine`, `spirals`, a layer's kind), or for settings shared by
    /// every name of a section, a label in parentheses (`(every schedule)`).
    public var name: String
    /// What it is, in one line.
    public var summary: String
    public var settings: [SettingSchema]
    /// For a built-in optimizer, the chain of transformations it equals at its defaults
    /// (`[scale_by_adam, scale_by_learning_rate]`); nil for any other name.
    public var chain: String?

    init(_ name: String, _ summary: String, _ settings: [SettingSchema], chain: String? = nil) {
        self.name = name
        self.summary = summary
        self.settings = settings
        self.chain = chain
    }

    /// The setting of `key`, if the name takes it.
    func setting(_ key: String) -> SettingSchema? {
        settings.first { $0.key == key }
    }

    /// The keys, in order.
    var keys: [String] {
        settings.map(\.key)
    }
}

/// One part of the manifest's vocabulary that `expt list` prints: the names of one kind, and
/// the settings every one of them shares.
public struct SchemaSection: Sendable, Equatable, Encodable {
    /// `optimizers`, `schedules`, `datasets` or `layers`.
    public var name: String
    /// Where in a manifest the names are written (`optimizer: {name: …}`).
    public var usage: String
    public var names: [NameSchema]
    /// Settings that go with every name (`interval` of a schedule), or with a key of one
    /// (`warmup`'s own keys), each as a block of its own.
    public var shared: [NameSchema]

    /// The entry of `name`, if the section has it.
    func entry(_ name: String) -> NameSchema? {
        names.first { $0.name == name }
    }
}
