/// How a kind's settings are written in a run's stored config (config.json, whose text is hashed
/// into the run id): the form of the enum cases the kinds replaced, so that every stored run keeps
/// its id. The key is the kind's `storedName`; under it, by `storedForm`:
///
/// - `.wrapped`: `{"adam": {"_0": {<settings>}}}` (a case with one unlabelled value);
/// - `.bare`: `{"step": {<settings>}}`;
/// - `.empty`: `{"flatten": {}}` (a case without a value: the kind has no settings).
public enum StoredForm: Sendable {
    case wrapped
    case bare
    case empty
}

/// Encodes and decodes any kind's settings in its stored form; each family's configuration value
/// (`OptimizerConfig`, `ScheduleConfig.Kind`, …) calls these with its registry.
public enum StoredKind {
    /// Writes `settings` under its kind's stored name, in its stored form.
    public static func encode(_ settings: any KindSettings, to encoder: any Encoder) throws {
        let kind = type(of: settings)
        var outer = encoder.container(keyedBy: StoredKey.self)
        let key = StoredKey(stringValue: kind.storedName)
        switch kind.storedForm {
        case .wrapped:
            var inner = outer.nestedContainer(keyedBy: StoredKey.self, forKey: key)
            try inner.encode(settings, forKey: StoredKey.unlabelled)
        case .bare:
            try outer.encode(settings, forKey: key)
        case .empty:
            _ = outer.nestedContainer(keyedBy: StoredKey.self, forKey: key)
        }
    }

    /// Reads one kind of `kinds` (the family's registry), found by its stored name, as a
    /// `Family` (`any OptimizerKind`, …); `family` names what was expected in the error.
    public static func decode<Family>(_: Family.Type, among kinds: [any KindSettings.Type], family: String,
                                      from decoder: any Decoder) throws -> Family {
        let outer = try decoder.container(keyedBy: StoredKey.self)
        guard outer.allKeys.count == 1, let key = outer.allKeys.first,
              let kind = kinds.first(where: { $0.storedName == key.stringValue }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected one \(family) name"))
        }
        let settings: any KindSettings
        switch kind.storedForm {
        case .wrapped: settings = try outer.nestedContainer(keyedBy: StoredKey.self, forKey: key).decode(kind, forKey: StoredKey.unlabelled)
        case .bare: settings = try outer.decode(kind, forKey: key)
        case .empty: settings = kind.init()
        }
        guard let member = settings as? Family else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(key.stringValue) is not a \(family)"))
        }
        return member
    }
}
