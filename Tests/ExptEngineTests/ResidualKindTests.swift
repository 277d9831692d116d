import Foundation
import Testing
@testable import ExptEngine

/// `residual` as the registry sees it: shapes, parameter counts, multiply-adds, memory and
/// report lines worked by hand from its layers' (TransformerKindTests has theirs), its stored
/// JSON, its tensors' torch names, and the shapes it refuses.
struct ResidualKindTests {
    typealias Cost = LayerRegistryTests.Cost

    static let mlp = ResidualSpec(layers: [.dense(DenseSpec(units: 8, activation: .relu)), .dense(DenseSpec(units: 4))], norm: .pre)

    @Test(arguments: [
        // Dense 4·8 + 8 = 40 and 8·4 + 4 = 36, the norm 2·4: 84; one multiply-add per weight,
        // two per value of the norm.
        Cost(layer: LayerSpec(mlp), line: "residual pre-norm (dense 8 relu, dense 4)",
             shape: LayerShape(input: [4], output: [4], parameterCount: 84), multiplyAdds: 84),
        // The attention of TransformerKindTests: 80 parameters, 264 multiply-adds.
        Cost(layer: LayerSpec(ResidualSpec(layers: [LayerSpec(AttentionSpec(heads: 2))])), line: "residual (attention 2 heads)",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 80), multiplyAdds: 264),
        // The feed-forward's 49 and 147, the norm's 8 and 24.
        Cost(layer: LayerSpec(ResidualSpec(layers: [LayerSpec(FeedForwardSpec(hidden: 5))], norm: .post)),
             line: "residual post-norm (feed_forward 5)",
             shape: LayerShape(input: [3, 4], output: [3, 4], parameterCount: 57), multiplyAdds: 171),
    ])
    func shapeCostAndLine(_ c: Cost) throws {
        try TransformerKindTests().shapeCostAndLine(c)
    }

    /// The layers', the norm's, and the sum with its path gradient (2 per input value).
    @Test func memoryAddsTheLayersTheNormAndTheSum() {
        // Dense outputs 3·8 and 3·4, the norm's 3·4 + 1, the sum 2·4.
        #expect(Self.mlp.memory(LayerShape(input: [4], output: [4], parameterCount: 84)) == LayerMemory(perExample: 57))
        // The attention's 138 and 9 per thread (TransformerKindTests), the sum 2·12.
        let attention = ResidualSpec(layers: [LayerSpec(AttentionSpec(heads: 2))])
        #expect(attention.memory(LayerShape(input: [3, 4], output: [3, 4], parameterCount: 80)) == LayerMemory(perExample: 162, perThread: 9))
    }

    @Test func storedFormNestsTheLayers() throws {
        let layer = LayerSpec(ResidualSpec(layers: [.dense(DenseSpec(units: 4))], norm: .pre))
        let json = #"{"residual":{"_0":{"layers":[{"dense":{"_0":{"activation":"identity","initializer":"xavier","leakySlope":0.01,"units":4}}}],"norm":"pre"}}}"#
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(layer), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(LayerSpec.self, from: Data(json.utf8)) == layer)
    }

    /// torch's names for `Sequential(Linear, Residual(layers=ModuleList, norm=LayerNorm), …)`:
    /// pre-norm the norm's tensors first, post-norm last, as the parameters are stored.
    @Test func parameterLayoutNamesTheBlocksTensorsAsTorch() {
        var generator = SeededGenerator(seed: 3)
        let network = Network(inputShape: [2], layers: [
            .dense(DenseSpec(units: 4)), LayerSpec(Self.mlp),
            LayerSpec(ResidualSpec(layers: [.dense(DenseSpec(units: 4))], norm: .post)), .dense(DenseSpec(units: 2)),
        ], loss: .crossEntropy, maxBatchSize: 2, generator: &generator)
        let names = network.parameterLayout.tensors.map { "\($0.name) \($0.shape)\($0.storedTransposed ? " T" : "")" }
        #expect(names == [
            "0.weight [4, 2] T", "0.bias [4]",
            "1.norm.weight [4]", "1.norm.bias [4]", "1.layers.0.weight [8, 4] T", "1.layers.0.bias [8]",
            "1.layers.1.weight [4, 8] T", "1.layers.1.bias [4]",
            "2.layers.0.weight [4, 4] T", "2.layers.0.bias [4]", "2.norm.weight [4]", "2.norm.bias [4]",
            "3.weight [2, 4] T", "3.bias [2]",
        ])
        // The norms start at scale 1 and shift 0.
        let scales = [network.parameterLayout.tensors[2].range, network.parameterLayout.tensors[10].range]
        #expect(scales.allSatisfy { $0.allSatisfy { network.parameters[$0] == 1 } })
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let input: [Int]
        let layers: [LayerSpec]
        let norm: ResidualSpec.Norm
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        Refusal(input: [4], layers: [.dense(DenseSpec(units: 3))], norm: .none,
                message: "expects its layers to give back the shape of its input, [4], found [3]"),
        Refusal(input: [6], layers: [LayerSpec(AttentionSpec(heads: 2))], norm: .pre,
                message: "layer 0 of the block (attention): expects a sequence input [positions, features], found shape [6]; start the model with an embedding"),
        Refusal(input: [2, 3], layers: [LayerSpec(FlattenSpec())], norm: .none,
                message: "expects at least one layer besides flatten in the block"),
        Refusal(input: [4], layers: [.dense(DenseSpec(units: 4)), LayerSpec(DropoutSpec(rate: 0.5))], norm: .none,
                message: "layer 1 of the block is dropout; dropout and batch_norm may only stand at the model's top level"),
        Refusal(input: [1, 2, 2], layers: [.dense(DenseSpec(units: 4))], norm: .pre,
                message: "layer 0 of the block (dense): expects a vector input, found shape [1, 2, 2]; add a flatten layer before it"),
    ])
    func shapesThatDoNotFitNameTheBlock(_ c: Refusal) {
        let layer = LayerSpec(ResidualSpec(layers: c.layers, norm: c.norm))
        #expect(throws: ShapeError(layerIndex: 0, layerKind: "residual", message: c.message)) {
            try ModelShape.infer(inputShape: c.input, layers: [layer])
        }
    }
}
