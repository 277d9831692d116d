import ExptConfig

/// `position_embedding` in a manifest: a learned vector per position added to a sequence
/// `[positions, features]` (GPT-2's `wpe`). No settings: its size is its input's.
public struct PositionEmbeddingSpec: LayerKind {
    public static let name = "position_embedding"
    public static let summary = "Adds a learned vector per position to a sequence [positions, features]."
    public static let valueless = true
    public static var settings: [Hyperparameter<Self>] { [] }

    public init() {}

    public var reportLine: String { Self.name }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let (positions, features) = try ModelShape.positions(input, fail)
        return LayerShape(input: input, output: input, parameterCount: saturatingProduct([positions, features]))
    }

    /// An `Embedding(positions, features)`'s `weight` [positions, features].
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        [LayerTensor("weight", shape.input)]
    }

    /// One addition per value.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(saturatingProduct(shape.output))
    }

    /// The output and its gradient.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 2)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        PositionEmbeddingLayer(inputSize: placement.inputSize, parameters: placement.parameters, gradients: placement.gradients,
                               offset: placement.offset, maxBatchSize: placement.maxBatchSize)
    }
}
