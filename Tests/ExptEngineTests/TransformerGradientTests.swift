import Testing
@testable import ExptEngine
import ExptTestSupport

/// The transformer layers' backward passes against central differences of L = Σ r ⊙ y
/// (training mode), for their parameters and their inputs (``checkLayerGradients``).
struct TransformerGradientTests {
    typealias Case = LayerGradientTests.Case

    static let cases = [
        Case(inputShape: [3, 4], spec: LayerSpec(LayerNormSpec()), batch: 2),
        Case(inputShape: [5], spec: LayerSpec(LayerNormSpec(epsilon: 0.1)), batch: 3),
        Case(inputShape: [3, 2], spec: LayerSpec(PositionEmbeddingSpec()), batch: 2),
        Case(inputShape: [3, 4], spec: LayerSpec(LastPositionSpec()), batch: 2),
        Case(inputShape: [3, 4], spec: .dense(DenseSpec(units: 2, activation: .gelu)), batch: 2),
        Case(inputShape: [3, 4], spec: LayerSpec(AttentionSpec(heads: 2)), batch: 2),
        Case(inputShape: [4, 4], spec: LayerSpec(AttentionSpec(heads: 2, causal: true)), batch: 2),
        Case(inputShape: [3, 4], spec: LayerSpec(AttentionSpec(heads: 1, headSize: 3, causal: true)), batch: 1),
        Case(inputShape: [3, 4], spec: LayerSpec(FeedForwardSpec(hidden: 5)), batch: 2),
        Case(inputShape: [3, 4], spec: LayerSpec(TransformerBlockSpec(heads: 2, hidden: 6, causal: true)), batch: 2),
        Case(inputShape: [2, 4], spec: LayerSpec(TransformerBlockSpec(heads: 1)), batch: 2),
        Case(inputShape: [3, 4], spec: LayerSpec(TransformerBlockSpec(heads: 2, hidden: 5, norm: .post)), batch: 2),
    ]

    /// A step of 1e-2: softmax and the norms' rounding in float32 need it (the layers are smooth).
    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ c: Case) throws {
        try checkLayerGradients(c.spec, inputShape: c.inputShape, batch: c.batch, step: 1e-2, seed: 40)
    }

    /// Token ids have no gradient: the table's gradient against finite differences, and a
    /// repeated id's row gathers both positions' gradients.
    @Test func embeddingTableGradientMatchesFiniteDifferences() throws {
        let spec = LayerSpec(EmbeddingSpec(vocabulary: 4, dimension: 3))
        let shape = try ModelShape.infer(inputShape: [3], layers: [spec])[0]
        #expect(shape.output == [3, 3] && shape.parameterCount == 12)
        let parameters = FloatBuffer(uniformValues(shape.parameterCount + 1, seed: 43))
        let gradients = FloatBuffer(count: parameters.count, value: .nan)
        let layer = try #require(Network.makeLayer(spec, shape: shape, parameters: parameters, gradients: gradients,
                                                   offset: 1, maxBatchSize: 2))
        let ids = FloatBuffer([2, 0, 2, 3, 3, 1])
        let r = uniformValues(2 * layer.outputSize, seed: 44)
        func objective() -> Double {
            layer.forward(input: ids.pointer, batchSize: 2, training: true)
            return r.indices.reduce(0) { $0 + Double(r[$1]) * Double(layer.output[$1]) }
        }
        _ = objective()
        for i in r.indices { layer.outputGradient[i] = r[i] }
        let inputGradient = FloatBuffer(count: 6, value: .nan)
        layer.backward(input: ids.pointer, inputGradient: inputGradient.pointer, batchSize: 2)
        #expect(inputGradient.array == [0, 0, 0, 0, 0, 0])
        for i in 1...shape.parameterCount {
            let numeric = centralDifference(of: parameters.pointer, at: i, step: 1e-2, objective)
            expectGradient(gradients[i], numeric, "parameter \(i - 1)")
        }
        // Row 2 (parameters 7...9) is read at positions 0 and 2 of the first example.
        for j in 0..<3 { #expect(gradients[1 + 6 + j] == r[j] + r[6 + j]) }
    }
}
