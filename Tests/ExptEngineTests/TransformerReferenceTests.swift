import Foundation
import Testing
@testable import ExptEngine
import ExptTestSupport

/// The cases of `Fixtures/transformer_layers.json`, written by `Fixtures/transformer_layers.py`
/// from torch's modules in float32.
struct TransformerFixture: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Layer: Decodable, Sendable {
            let kind: String
            let heads: Int?
            let causal: Bool?
            let hidden: Int?
            let vocabulary: Int?
            let norm: String?
            let dimension: Int?
        }

        let name: String
        let layer: Layer
        let input_shape: [Int]
        let batch: Int
        let input: [Float]
        let parameters: [Float]
        let output: [Float]
        let r: [Float]
        let input_gradient: [Float]
        let parameter_gradient: [Float]

        var testDescription: String { name }

        var spec: LayerSpec {
            switch layer.kind {
            case "attention": LayerSpec(AttentionSpec(heads: layer.heads!, causal: layer.causal!))
            case "layer_norm": LayerSpec(LayerNormSpec())
            case "feed_forward": LayerSpec(FeedForwardSpec(hidden: layer.hidden!))
            case "transformer_block":
                LayerSpec(TransformerBlockSpec(heads: layer.heads!, hidden: layer.hidden!, causal: layer.causal!,
                                               norm: layer.norm == "post" ? .post : .pre))
            default: LayerSpec(EmbeddingSpec(vocabulary: layer.vocabulary!, dimension: layer.dimension!))
            }
        }
    }

    let torch: String
    let dtype: String
    let cases: [Case]

    static let shipped = FixtureFile.decode(TransformerFixture.self, "transformer_layers.json", in: .module)
}

/// Forward values and the gradients of L = Σ r ⊙ y of the transformer layers (attention with
/// 2 and 3 positions and 1 or 2 heads, causal or not; layer norm; feed-forward; a whole pre-norm
/// block and a post-norm one; an embedding) against torch, for the fixed parameters and inputs of the fixture.
/// Float32 sums in another order differ in the last bits: agreement within 1e-5 absolute plus
/// 1e-4 relative.
struct TransformerReferenceTests {
    @Test func fixtureComesFromTorchInFloat32() {
        #expect(TransformerFixture.shipped.torch.hasPrefix("2.13"))
        #expect(TransformerFixture.shipped.dtype == "float32")
        #expect(TransformerFixture.shipped.cases.count == 8)
    }

    @Test(arguments: TransformerFixture.shipped.cases)
    func forwardAndBackwardMatchTorch(_ c: TransformerFixture.Case) throws {
        let shape = try ModelShape.infer(inputShape: c.input_shape, layers: [c.spec])[0]
        #expect(shape.parameterCount == c.parameters.count)
        let parameters = FloatBuffer(c.parameters)
        let gradients = FloatBuffer(count: c.parameters.count)
        let layer = try #require(Network.makeLayer(c.spec, shape: shape, parameters: parameters, gradients: gradients,
                                                   offset: 0, maxBatchSize: c.batch))
        let input = FloatBuffer(c.input)
        layer.forward(input: input.pointer, batchSize: c.batch, training: true)
        #expect(c.output.count == c.batch * layer.outputSize)
        #expect(Set(c.output).count >= 4)
        func close(_ mine: Float, _ torch: Float) -> Bool { abs(mine - torch) <= 1e-5 + 1e-4 * abs(torch) }
        for i in c.output.indices {
            #expect(close(layer.output[i], c.output[i]), "output \(i): \(layer.output[i]) vs torch \(c.output[i])")
        }
        for i in c.r.indices { layer.outputGradient[i] = c.r[i] }
        let inputGradient = FloatBuffer(count: input.count)
        layer.backward(input: input.pointer, inputGradient: inputGradient.pointer, batchSize: c.batch)
        for i in c.input_gradient.indices {
            #expect(close(inputGradient[i], c.input_gradient[i]), "input gradient \(i): \(inputGradient[i]) vs torch \(c.input_gradient[i])")
        }
        for i in c.parameter_gradient.indices {
            #expect(close(gradients[i], c.parameter_gradient[i]), "parameter gradient \(i): \(gradients[i]) vs torch \(c.parameter_gradient[i])")
        }
    }
}
