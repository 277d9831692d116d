import ExptConfig

/// One transformation of a chain as a manifest writes it and a run stores it:
/// `{"<name>": {<settings>}}` in the stored config.
public struct TransformationConfig: StoredKindValue, Sendable {
    public let settings: any Transformation

    public init(_ settings: any Transformation) {
        self.settings = settings
    }

    public static var kinds: [any KindSettings.Type] { TransformationRegistry.kinds }
    public static var family: String { "transformation" }
    public var storedSettings: any KindSettings { settings }
}
