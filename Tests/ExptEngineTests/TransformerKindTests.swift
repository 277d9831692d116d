import Foundation
import Testing
@testable import ExptEngine

/// The transformer kinds as the registry sees them: their defaults, stored JSON, shapes,
/// parameter counts, multiply-adds and report lines (worked by hand), their tensors' torch names,
/// and the shape errors that name them.
struct TransformerKindTests {
    typealias Cost = LayerRegistryTests.Cost

    @Test(arguments: [
        // A table of 10·4; one value per output.
        Cost(layer: LayerSpec(EmbeddingSpec(vocabulary: 10, dimension: 4)), line: "embedding 10 x 4",
             shape: LayerShape(input: [3], output: [3, 4], parameterCount: 40), multiplyAdds: 12),
        Cost(layer: LayerSpec(PositionEmbeddingSpec()), line: "position_embedding",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 12), multiplyAdds: 12),
        Cost(layer: LayerSpec(LayerNormSpec()), line: "layer_norm",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 8), multiplyAdds: 24),
        Cost(layer: LayerSpec(LayerNormSpec(epsilon: 0.001)), line: "layer_norm eps 0.001",
             shape: LayerShape(input: [6], output: [6], parameterCount: 12), multiplyAdds: 12),
        // E = 4: 3·4·4 + 3·4 + 4·4 + 4 = 80; 3 positions · 4·4·4 + 2 heads · 2·3·3·2 = 192 + 72.
        Cost(layer: LayerSpec(AttentionSpec(heads: 2)), line: "attention 2 heads",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 80), multiplyAdds: 264),
        // E = 3: 3·3·4 + 3·3 + 4·3 + 4 = 61; 3 · 4·3·4 + 1 · 2·3·3·3 = 144 + 54.
        Cost(layer: LayerSpec(AttentionSpec(heads: 1, headSize: 3, causal: true)), line: "attention 1 head of 3 causal",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 61), multiplyAdds: 198),
        // 4·5 + 5 + 5·4 + 4 = 49 per position, 3 positions.
        Cost(layer: LayerSpec(FeedForwardSpec(hidden: 5)), line: "feed_forward 5",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 49), multiplyAdds: 147),
        // Norms 2·8, attention 80, feed-forward of 16 hidden 4·16 + 16 + 16·4 + 4 = 148: 244;
        // 2·24 + 264 + 3·148.
        Cost(layer: LayerSpec(TransformerBlockSpec(heads: 2)), line: "transformer_block 2 heads",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 244), multiplyAdds: 756),
        Cost(layer: LayerSpec(TransformerBlockSpec(heads: 1, headSize: 2, hidden: 3, causal: true, norm: .post)),
             line: "transformer_block 1 head of 2 hidden 3 causal post-norm",
             // Norms 8, attention 4·2·2 + 3·2 + 2 = 24, feed-forward 2·2·3 + 3 + 2 = 17.
             shape: LayerShape(input: [5, 2], output: [5, 2], parameterCount: 49),
             // 2·20 + (5·4·2·2 + 2·5·5·2 = 80 + 100) + 5·17.
             multiplyAdds: 305),
        Cost(layer: LayerSpec(LastPositionSpec()), line: "last_position",
             shape: LayerShape(input: [3, 4], output: [4], parameterCount: 0), multiplyAdds: 0),
        // The same 4·2 + 2 weights at each of 3 positions.
        Cost(layer: .dense(DenseSpec(units: 2)), line: "dense 2",
             shape: LayerShape(input: [3, 4], output: [3, 2], parameterCount: 10), multiplyAdds: 30),
    ])
    func shapeCostAndLine(_ c: Cost) throws {
        #expect(try ModelShape.infer(inputShape: c.shape.input, layers: [c.layer]) == [c.shape])
        #expect(c.layer.settings.multiplyAdds(c.shape) == c.multiplyAdds)
        #expect(c.layer.description == c.line)
    }

    /// What the built layers allocate, counted from their buffers for [3, 4] (12 values).
    @Test func memoryCountsEveryBuffer() {
        let sequence = LayerShape(input: [3, 4], output: [3, 4], parameterCount: 0)
        // Output, gradient and x̂ (36), one r per position (3).
        #expect(LayerNormSpec().memory(sequence) == LayerMemory(perExample: 39))
        // Output and gradient 2·12, Q K V and their gradients 6·12, the heads' outputs and
        // gradients 2·12, the weights 2 heads · 3 · 3; per thread one 3 x 3 block.
        #expect(AttentionSpec(heads: 2).memory(sequence) == LayerMemory(perExample: 138, perThread: 9))
        // Hidden output, gradient and pre-activation 3 · 3 · 16, output and gradient 2 · 12.
        #expect(FeedForwardSpec(hidden: 16).memory(sequence) == LayerMemory(perExample: 168))
        // Two norms 2·39, the attention, the feed-forward of 4·4 hidden, and each residual's sum
        // and path gradient 4·12.
        #expect(TransformerBlockSpec(heads: 2).memory(sequence) == LayerMemory(perExample: 432, perThread: 9))
    }

    @Test func storedFormRoundTrips() throws {
        let layer = LayerSpec(TransformerBlockSpec(heads: 4, causal: true))
        let json = #"{"transformer_block":{"_0":{"causal":true,"headSize":0,"heads":4,"hidden":0,"norm":"pre"}}}"#
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(layer), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(LayerSpec.self, from: Data(json.utf8)) == layer)
        let bare = LayerSpec(PositionEmbeddingSpec())
        #expect(String(decoding: try encoder.encode(bare), as: UTF8.self) == #"{"position_embedding":{"_0":{}}}"#)
    }

    /// A small language model's tensors: torch's state_dict names, prefixed by the layer's index.
    @Test func parameterLayoutNamesNestedTensorsAsTorch() {
        var generator = SeededGenerator(seed: 3)
        let network = Network(inputShape: [5], layers: [
            LayerSpec(EmbeddingSpec(vocabulary: 7, dimension: 4)), LayerSpec(PositionEmbeddingSpec()),
            LayerSpec(TransformerBlockSpec(heads: 2, hidden: 6, causal: true)), LayerSpec(LayerNormSpec()), .dense(DenseSpec(units: 7)),
        ], loss: .crossEntropy, maxBatchSize: 2, generator: &generator)
        let names = network.parameterLayout.tensors.map { "\($0.name) \($0.shape)\($0.storedTransposed ? " T" : "")" }
        #expect(names == [
            "0.weight [7, 4]", "1.weight [5, 4]",
            "2.ln1.weight [4]", "2.ln1.bias [4]", "2.attn.in_proj_weight [12, 4]", "2.attn.in_proj_bias [12]",
            "2.attn.out_proj.weight [4, 4]", "2.attn.out_proj.bias [4]", "2.ln2.weight [4]", "2.ln2.bias [4]",
            "2.ff.0.weight [6, 4] T", "2.ff.0.bias [6]", "2.ff.2.weight [4, 6] T", "2.ff.2.bias [4]",
            "3.weight [4]", "3.bias [4]", "4.weight [7, 4] T", "4.bias [7]",
        ])
        #expect(network.outputShape == [5, 7] && network.labelsPerExample == 5)
        // Layer norms start at scale 1 and shift 0, whatever the generator.
        let ln1 = network.parameterLayout.tensors[2].range, ln1Bias = network.parameterLayout.tensors[3].range
        #expect(ln1.allSatisfy { network.parameters[$0] == 1 } && ln1Bias.allSatisfy { network.parameters[$0] == 0 })
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let input: [Int]
        let layer: LayerSpec
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        Refusal(input: [2, 3], layer: LayerSpec(EmbeddingSpec(vocabulary: 4, dimension: 2)),
                message: "expects token ids of shape [positions], found shape [2, 3]"),
        Refusal(input: [6], layer: LayerSpec(AttentionSpec(heads: 2)),
                message: "expects a sequence input [positions, features], found shape [6]; start the model with an embedding"),
        Refusal(input: [3, 6], layer: LayerSpec(AttentionSpec(heads: 4)),
                message: "expects features divisible by its 4 heads, found 6; set head_size"),
        Refusal(input: [3, 6], layer: LayerSpec(TransformerBlockSpec(heads: 4)),
                message: "expects features divisible by its 4 heads, found 6; set head_size"),
        Refusal(input: [1, 2, 3], layer: LayerSpec(LayerNormSpec()),
                message: "expects a vector or a sequence input, found shape [1, 2, 3]"),
    ])
    func shapesThatDoNotFitNameTheLayer(_ c: Refusal) {
        #expect(throws: ShapeError(layerIndex: 0, layerKind: c.layer.kind, message: c.message)) {
            try ModelShape.infer(inputShape: c.input, layers: [c.layer])
        }
    }
}
