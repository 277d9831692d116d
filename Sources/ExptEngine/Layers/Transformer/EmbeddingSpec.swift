import ExptConfig

/// `embedding` in a manifest: token ids `[positions]` to vectors `[positions, dimension]`,
/// each id its row of a learned table (torch's `Embedding(vocabulary, dimension)`).
public struct EmbeddingSpec: LayerKind {
    public static let name = "embedding"
    public static let summary = "Token ids [positions] to learned vectors [positions, dimension] (torch.nn.Embedding)."
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("vocabulary", .requiredInteger(\.vocabulary.required, LayerSize.units), "Token ids 0 to vocabulary - 1."),
            Hyperparameter("dimension", .requiredInteger(\.dimension.required, LayerSize.units), "Values per token."),
        ]
    }

    public var vocabulary: Int
    public var dimension: Int

    public init(vocabulary: Int, dimension: Int) {
        self.vocabulary = vocabulary
        self.dimension = dimension
    }

    public init() {
        self.init(vocabulary: 1, dimension: 1)
    }

    public var reportLine: String {
        "embedding \(vocabulary) x \(dimension)"
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        guard input.count == 1 else {
            throw fail("expects token ids of shape [positions], found shape \(shapeText(input))")
        }
        return LayerShape(input: input, output: [input[0], dimension], parameterCount: saturatingProduct([vocabulary, dimension]))
    }

    /// torch's `Embedding`: `weight` [vocabulary, dimension].
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        [LayerTensor("weight", [vocabulary, dimension])]
    }

    /// None: a lookup (counted as one per output value).
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(saturatingProduct(shape.output))
    }

    /// The output and its gradient.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 2)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        EmbeddingLayer(positions: placement.shape.input[0], vocabulary: vocabulary, dimension: dimension,
                       parameters: placement.parameters, gradients: placement.gradients, offset: placement.offset,
                       maxBatchSize: placement.maxBatchSize)
    }
}
