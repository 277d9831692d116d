import ExptConfig

/// `attention` in a manifest: multi-head self-attention over a sequence `[positions,
/// features]` (``AttentionLayer``; torch's `MultiheadAttention`), causal or not.
public struct AttentionSpec: LayerKind {
    public static let name = "attention"
    public static let summary = "Multi-head self-attention over a sequence [positions, features] (torch.nn.MultiheadAttention)."
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("heads", .requiredInteger(\.heads.required, LayerSize.units), "Attention heads."),
            Hyperparameter("head_size", .integer(\.headSize, LayerSize.units), "Values per head in queries, keys and values."),
            Hyperparameter("causal", .flag(\.causal), "Each position attends to itself and earlier positions only."),
        ]
    }

    public static var describedDefaults: [String: String] { ["head_size": "features / heads"] }

    public var heads: Int
    /// Values per head; 0 until resolved: the features divided by the heads.
    public var headSize: Int
    public var causal: Bool

    public init(heads: Int, headSize: Int = 0, causal: Bool = false) {
        self.heads = heads
        self.headSize = headSize
        self.causal = causal
    }

    public init() {
        self.init(heads: 1)
    }

    public var reportLine: String {
        "attention \(heads) head\(heads == 1 ? "" : "s")" + (headSize == 0 ? "" : " of \(headSize)") + (causal ? " causal" : "")
    }

    /// The head size for `features` inputs, or the error `fail` makes when the heads do not divide them.
    func headSize(features: Int, _ fail: (String) -> ShapeError) throws(ShapeError) -> Int {
        guard headSize == 0 else { return headSize }
        guard features % heads == 0 else {
            throw fail("expects features divisible by its \(heads) heads, found \(features); set head_size")
        }
        return features / heads
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let (_, features) = try ModelShape.positions(input, fail)
        let size = try headSize(features: features, fail)
        let width = saturatingProduct([heads, size])
        let count = saturatingSum([saturatingProduct([4, width, features]), saturatingProduct([3, width]), features])
        return LayerShape(input: input, output: input, parameterCount: count)
    }

    /// torch's names: `in_proj_weight` [3E, d], `in_proj_bias` [3E], `out_proj.weight` [d, E],
    /// `out_proj.bias` [d], with E = heads x head size.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let features = shape.input[1], width = heads * resolvedHeadSize(shape)
        return [
            LayerTensor("in_proj_weight", [3 * width, features]), LayerTensor("in_proj_bias", [3 * width]),
            LayerTensor("out_proj.weight", [features, width]), LayerTensor("out_proj.bias", [features]),
        ]
    }

    /// The projections (4 E d per position) and the scores and weighted sums (2 T s per
    /// position and head).
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        let positions = Double(shape.input[0]), features = Double(shape.input[1]), size = Double(resolvedHeadSize(shape))
        let width = Double(heads) * size
        return positions * 4 * width * features + Double(heads) * 2 * positions * positions * size
    }

    /// The output and its gradient, the projections and the heads' outputs with their gradients,
    /// and each head's weights; per thread, one T x T block.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        let positions = Double(shape.input[0]), features = Double(shape.input[1])
        let width = Double(heads * resolvedHeadSize(shape))
        return LayerMemory(perExample: positions * (2 * features + 8 * width) + Double(heads) * positions * positions,
                           perThread: positions * positions)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        layer(placement)
    }

    /// The runtime layer (a transformer block builds its attention with it).
    func layer(_ placement: LayerPlacement) -> AttentionLayer {
        AttentionLayer(positions: placement.shape.input[0], features: placement.shape.input[1], heads: heads,
                       headSize: resolvedHeadSize(placement.shape), causal: causal, parameters: placement.parameters,
                       gradients: placement.gradients, offset: placement.offset, maxBatchSize: placement.maxBatchSize,
                       context: placement.context)
    }

    /// The head size of a layer whose shape has been inferred.
    private func resolvedHeadSize(_ shape: LayerShape) -> Int {
        headSize == 0 ? shape.input[1] / heads : headSize
    }
}
