/// A setting its family's decoder reads itself, because reading it needs more than a number
/// (a file path resolved against the manifest's folder, a CSV column that depends on `header`):
/// the table describes it in words for `expt schema` and the docs, and lists its value.
public struct HyperparameterDescription<Settings> {
    /// The values it takes, in words (`path, or sequence of paths`).
    public let type: String
    /// Its default in words (`none`), or nil when the manifest must give it.
    public let defaultValue: String?
    /// The value as reports list it, or nil to leave it out (a file not given).
    public let text: (Settings) -> String?

    public init(type: String, defaultValue: String?, text: @escaping (Settings) -> String?) {
        self.type = type
        self.defaultValue = defaultValue
        self.text = text
    }
}
