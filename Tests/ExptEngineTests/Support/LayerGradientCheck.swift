import Testing
@testable import ExptEngine
import ExptTestSupport

/// One layer of kind `spec` over examples of `inputShape`, built as the network builds it (at an
/// offset inside larger parameter buffers, whose values around its slice must stay untouched),
/// its parameter and input gradients checked against central differences of L = Σ r ⊙ y
/// (training mode) with steps of `step`. Parameters, inputs and r are uniform draws from
/// `seed`, `seed + 1` and `seed + 2`.
func checkLayerGradients(_ spec: LayerSpec, inputShape: [Int], batch: Int, step: Float, seed: UInt64,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let shape = try ModelShape.infer(inputShape: inputShape, layers: [spec])[0]
    let offset = 3
    let parameters = FloatBuffer(uniformValues(offset + shape.parameterCount + 2, seed: seed))
    let gradients = FloatBuffer(count: parameters.count, value: .nan)
    let layer = try #require(Network.makeLayer(spec, shape: shape, parameters: parameters, gradients: gradients,
                                               offset: offset, maxBatchSize: batch + 1), sourceLocation: sourceLocation)
    let input = FloatBuffer(uniformValues(batch * layer.inputSize, seed: seed + 1, in: -2, 2))
    let r = uniformValues(batch * layer.outputSize, seed: seed + 2)
    let inputGradient = FloatBuffer(count: input.count, value: .nan)

    func objective() -> Double {
        layer.forward(input: input.pointer, batchSize: batch, training: true)
        return r.indices.reduce(0) { $0 + Double(r[$1]) * Double(layer.output[$1]) }
    }
    _ = objective()
    for i in r.indices { layer.outputGradient[i] = r[i] }
    layer.backward(input: input.pointer, inputGradient: inputGradient.pointer, batchSize: batch)

    #expect(gradients[offset - 1].isNaN && gradients[offset + shape.parameterCount].isNaN, sourceLocation: sourceLocation)
    for i in offset..<offset + shape.parameterCount {
        let numeric = centralDifference(of: parameters.pointer, at: i, step: step, objective)
        expectGradient(gradients[i], numeric, "parameter \(i - offset)", sourceLocation: sourceLocation)
    }
    for i in 0..<input.count {
        let numeric = centralDifference(of: input.pointer, at: i, step: step, objective)
        expectGradient(inputGradient[i], numeric, "input \(i)", sourceLocation: sourceLocation)
    }
}
