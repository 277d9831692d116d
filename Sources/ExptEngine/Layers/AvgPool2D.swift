/// `avgpool2d` in a manifest: the mean of each window.
public enum AveragePooling: PoolMode {
    public static let name = "avgpool2d"
    public static let storedName = "avgPool2d"
    public static let reductionText = "Average"
    public static let reduction = PoolReduction.average
}

extension LayerSpec {
    /// An `avgpool2d` layer.
    public static func avgPool2d(_ window: PoolSpec) -> Self { Self(Pool2D<AveragePooling>(window)) }
}
