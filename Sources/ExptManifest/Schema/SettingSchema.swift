/// One setting a name accepts in a manifest (`lr` of an optimizer, `kernel` of a convolution): its key,
/// the values it takes, its default and what it does. The decoders take their allowed keys,
/// their value types and ranges from these, and `expt list` prints them.
public struct SettingSchema: Sendable, Equatable, Encodable {
    /// The key as written in a manifest.
    public var key: String
    /// The values it takes, in the manifest reference's words (`number > 0`, `true | false`).
    public var type: String
    /// The default as YAML (`0.001`, `[0.9, 0.999]`), `required`, or a sentence when it
    /// depends on other settings.
    public var defaultValue: String
    /// What the setting does, in one sentence.
    public var meaning: String

    /// The values the decoder accepts, for the decoders and the tests.
    let kind: SettingKind
    /// Whether `defaultValue` is a YAML value that means the same as leaving the key out.
    let defaultIsValue: Bool

    private enum CodingKeys: String, CodingKey {
        case key, type, defaultValue = "default", meaning
    }

    init(_ key: String, _ kind: SettingKind, _ defaultValue: SettingDefault, _ meaning: String) {
        self.key = key
        self.type = kind.description
        self.meaning = meaning
        self.kind = kind
        switch defaultValue {
        case .value(let text):
            self.defaultValue = text
            defaultIsValue = true
        case .required:
            self.defaultValue = "required"
            defaultIsValue = false
        case .described(let text):
            self.defaultValue = text
            defaultIsValue = false
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(type, forKey: .type)
        try container.encode(defaultValue, forKey: .defaultValue)
        try container.encode(meaning, forKey: .meaning)
    }
}

/// A setting's default, as its schema states it.
enum SettingDefault {
    /// A YAML value: leaving the key out means the same as writing it.
    case value(String)
    /// The key must be written.
    case required
    /// A default that depends on other settings or on the run, in words.
    case described(String)

    static func number(_ value: Double) -> SettingDefault { .value(YAMLText.number(value)) }
    static func integer(_ value: Int) -> SettingDefault { .value("\(value)") }
    static func flag(_ value: Bool) -> SettingDefault { .value("\(value)") }
    static func name(_ value: String) -> SettingDefault { .value(value) }
    static func pair(_ first: Double, _ second: Double) -> SettingDefault {
        .value("[\(YAMLText.number(first)), \(YAMLText.number(second))]")
    }
}
