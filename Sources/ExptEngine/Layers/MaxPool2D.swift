/// `maxpool2d` in a manifest: the maximum of each window.
public enum MaxPooling: PoolMode {
    public static let name = "maxpool2d"
    public static let storedName = "maxPool2d"
    public static let reductionText = "Maximum"
    public static let reduction = PoolReduction.max
}

extension LayerSpec {
    /// A `maxpool2d` layer.
    public static func maxPool2d(_ window: PoolSpec) -> Self { Self(Pool2D<MaxPooling>(window)) }
}
