import ExptConfig

/// Every kind of layer, listed once: the stored config, the shapes, the cost model and the
/// report reach the layers through here. Adding a layer is its file and one line here.
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
    ]
}
