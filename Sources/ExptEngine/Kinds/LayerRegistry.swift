import ExptConfig

/// Every kind of layer, listed once: manifest decoding, `expt schema`, `expt list`, the stored
/// config, the shapes, the cost model and the report reach the layers through here. Adding a layer is its file and one line here.
public enum LayerRegistry {
    public static let kinds: [any LayerKind.Type] = [
        DenseSpec.self,
        Conv2DSpec.self,
        Pool2D<MaxPooling>.self,
        Pool2D<AveragePooling>.self,
        FlattenSpec.self,
        DropoutSpec.self,
        BatchNormSpec.self,
        RecurrentSpec.self,
        EmbeddingSpec.self,
        PositionEmbeddingSpec.self,
        LayerNormSpec.self,
        AttentionSpec.self,
        FeedForwardSpec.self,
        TransformerBlockSpec.self,
        ResidualSpec.self,
        LastPositionSpec.self,
    ]

    /// The kind a manifest names `name` (one of its ``LayerKind/manifestNames``), or nil.
    public static func kind(named name: String) -> (any LayerKind.Type)? {
        kinds.first { $0.manifestNames.contains(name) }
    }
}
