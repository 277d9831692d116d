import ExptConfig

/// `last_position` in a manifest: a sequence `[positions, features]` to its last position
/// `[features]`, to classify a whole sequence (`x[:, -1]`). No settings, no parameters.
public struct LastPositionSpec: LayerKind {
    public static let name = "last_position"
    public static let summary = "A sequence [positions, features] to its last position [features]."
    public static let valueless = true
    public static var settings: [Hyperparameter<Self>] { [] }

    public init() {}

    public var reportLine: String { Self.name }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let (_, features) = try ModelShape.positions(input, fail)
        return LayerShape(input: input, output: [features], parameterCount: 0)
    }

    /// Free: a copy.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        0
    }

    /// The output and its gradient.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 2)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        LastPositionLayer(positions: placement.shape.input[0], features: placement.shape.input[1], maxBatchSize: placement.maxBatchSize)
    }
}
