import ExptConfig

/// `transformer_block` in a manifest: the usual pre-norm block over a sequence `[positions,
/// features]`, `h = x + attention(LN1(x))`, then `y = h + feed_forward(LN2(h))` (GPT-2's
/// block), or post-norm, `h = LN1(x + attention(x))`, `y = LN2(h + feed_forward(h))` (the
/// original Transformer's): two ``ResidualLayer``s over an ``AttentionLayer`` and a `feed_forward`.
///
/// Tensors, in storage order: `ln1.weight`, `ln1.bias`, `attn.in_proj_weight`,
/// `attn.in_proj_bias`, `attn.out_proj.weight`, `attn.out_proj.bias`, `ln2.weight`,
/// `ln2.bias`, `ff.0.weight`, `ff.0.bias`, `ff.2.weight`, `ff.2.bias` (a torch module with
/// submodules `ln1`, `attn`, `ln2` and `ff` names them so).
public struct TransformerBlockSpec: LayerKind {
    public static let name = "transformer_block"
    public static let summary = "Pre-norm block: x + attention(layer_norm(x)), then x + feed_forward(layer_norm(x))."
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("heads", .requiredInteger(\.heads.required, LayerSize.units), "Attention heads."),
            Hyperparameter("head_size", .integer(\.headSize, LayerSize.units), "Values per head in queries, keys and values."),
            Hyperparameter("hidden", .integer(\.hidden, LayerSize.units), "Units inside the feed-forward block."),
            Hyperparameter("causal", .flag(\.causal), "Each position attends to itself and earlier positions only."),
            Hyperparameter("norm", .choice(.of(\.norm)), "pre: x + f(layer_norm(x)) (GPT-2); post: layer_norm(x + f(x)) (the original Transformer)."),
        ]
    }

    public static var describedDefaults: [String: String] { ["head_size": "features / heads", "hidden": "4 x features"] }

    /// Where each of the two residual blocks normalises.
    public enum Norm: String, CaseIterable, Sendable, Codable {
        case pre
        case post
    }

    public var heads: Int
    /// Values per head; 0 until resolved: the features divided by the heads.
    public var headSize: Int
    /// The feed-forward's hidden units; 0 until resolved: four times the features.
    public var hidden: Int
    public var causal: Bool
    public var norm: Norm

    public init(heads: Int, headSize: Int = 0, hidden: Int = 0, causal: Bool = false, norm: Norm = .pre) {
        self.heads = heads
        self.headSize = headSize
        self.hidden = hidden
        self.causal = causal
        self.norm = norm
    }

    public init() {
        self.init(heads: 1)
    }

    public var reportLine: String {
        "transformer_block \(heads) head\(heads == 1 ? "" : "s")" + (headSize == 0 ? "" : " of \(headSize)")
            + (hidden == 0 ? "" : " hidden \(hidden)") + (causal ? " causal" : "") + (norm == .pre ? "" : " post-norm")
    }

    private var attention: AttentionSpec {
        AttentionSpec(heads: heads, headSize: headSize, causal: causal)
    }

    private func feedForward(features: Int) -> FeedForwardSpec {
        FeedForwardSpec(hidden: hidden == 0 ? saturatingProduct([4, features]) : hidden)
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let (_, features) = try ModelShape.positions(input, fail)
        let attentionShape = try attention.shape(for: input, fail)
        let feedForwardShape = try feedForward(features: features).shape(for: input, fail)
        let count = saturatingSum([saturatingProduct([4, features]), attentionShape.parameterCount, feedForwardShape.parameterCount])
        return LayerShape(input: input, output: input, parameterCount: count)
    }

    /// The parts' shapes: each layer norm's, the attention's and the feed-forward's.
    private func parts(_ shape: LayerShape) -> (norm: LayerShape, attention: LayerShape, feedForward: LayerShape) {
        let norm = LayerShape(input: shape.input, output: shape.input, parameterCount: 2 * shape.input[1])
        let count = shape.parameterCount - 2 * norm.parameterCount
        let feedForward = FeedForwardSpec.parameterCount(features: shape.input[1], hidden: feedForward(features: shape.input[1]).hidden)
        return (norm, LayerShape(input: shape.input, output: shape.input, parameterCount: count - feedForward),
                LayerShape(input: shape.input, output: shape.input, parameterCount: feedForward))
    }

    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let (norm, attentionShape, feedForwardShape) = parts(shape)
        func named(_ prefix: String, _ tensors: [LayerTensor]) -> [LayerTensor] {
            tensors.map { LayerTensor(prefix + "." + $0.name, $0.shape, storedTransposed: $0.storedTransposed) }
        }
        let layerNorm = LayerNormSpec()
        return named("ln1", layerNorm.parameterTensors(norm)) + named("attn", attention.parameterTensors(attentionShape))
            + named("ln2", layerNorm.parameterTensors(norm))
            + named("ff", feedForward(features: shape.input[1]).parameterTensors(feedForwardShape))
    }

    /// The attention's, the feed-forward's and the two norms'.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        let (norm, attentionShape, feedForwardShape) = parts(shape)
        return 2 * LayerNormSpec().multiplyAdds(norm) + attention.multiplyAdds(attentionShape)
            + feedForward(features: shape.input[1]).multiplyAdds(feedForwardShape)
    }

    /// The parts' and the two sums with their path gradients.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        let (norm, attentionShape, feedForwardShape) = parts(shape)
        let attentionMemory = attention.memory(attentionShape)
        let values = Double(shape.input[0] * shape.input[1])
        let perExample = 2 * LayerNormSpec().memory(norm).perExample + attentionMemory.perExample
            + feedForward(features: shape.input[1]).memory(feedForwardShape).perExample + 4 * values
        return LayerMemory(perExample: perExample, perThread: attentionMemory.perThread)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        let (norm, attentionShape, feedForwardShape) = parts(placement.shape)
        let layerNorm = LayerNormSpec()
        let firstNorm = layerNorm.layer(placement.advanced(by: 0, shape: norm))
        var offset = norm.parameterCount
        let attentionLayer = attention.layer(placement.advanced(by: offset, shape: attentionShape))
        offset += attentionShape.parameterCount
        let secondNorm = layerNorm.layer(placement.advanced(by: offset, shape: norm))
        offset += norm.parameterCount
        let feedForwardLayer = feedForward(features: placement.shape.input[1]).layer(placement.advanced(by: offset, shape: feedForwardShape))
        func place(_ layerNorm: LayerNormLayer) -> ResidualLayer.Norm {
            self.norm == .pre ? .pre(layerNorm) : .post(layerNorm)
        }
        return LayerChain([
            ResidualLayer(body: attentionLayer, norm: place(firstNorm), maxBatchSize: placement.maxBatchSize),
            ResidualLayer(body: feedForwardLayer, norm: place(secondNorm), maxBatchSize: placement.maxBatchSize),
        ])
    }
}
