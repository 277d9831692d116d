import ExptConfig

/// One layer of a model as a manifest declares it, before shapes are known: the settings of
/// whichever kind of layer it is (``LayerRegistry``).
///
/// Shapes are those of one example: `[features]` for a vector, `[channels, height, width]` for
/// an image, `[steps, features]` for a sequence. ``ModelShape/infer(inputShape:layers:)`` checks
/// that each layer fits the shape before it.
///
/// Stored as `{"<storedName>": {"_0": {<settings>}}}` (`{"<storedName>": {}}` for a layer
/// without settings), the form the stored runs' config.json (and so their run ids) were written in.
public struct LayerSpec: StoredKindValue, Sendable, CustomStringConvertible {
    public static let kinds: [any KindSettings.Type] = LayerRegistry.kinds
    public static let family = "layer"

    /// The settings of whichever layer this is; their type is the layer's kind.
    public let settings: any LayerKind

    public init(_ settings: any LayerKind) {
        self.settings = settings
    }

    /// The layer's name in a manifest (``LayerKind/manifestName``).
    public var kind: String {
        settings.manifestName
    }

    /// A short summary for reports (``LayerKind/reportLine``).
    public var description: String {
        settings.reportLine
    }

    public var storedSettings: any KindSettings {
        settings
    }
}
