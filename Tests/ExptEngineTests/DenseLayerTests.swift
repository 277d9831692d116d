import Testing
@testable import ExptEngine
import ExptTestSupport

/// The dense layer's backward pass against central differences of L = Σ r ⊙ y, for weights,
/// bias and inputs, with every activation. The layer sits at an offset inside larger buffers,
/// so the views into the network's parameter buffer are exercised too.
struct DenseLayerTests {
    let inputSize = 4, units = 3, batch = 5, offset = 7

    @Test(arguments: Activation.allCases)
    func gradientsMatchFiniteDifferences(_ activation: Activation) {
        let count = DenseLayer.parameterCount(inputSize: inputSize, units: units)
        #expect(count == 15)
        let parameters = FloatBuffer(uniformValues(offset + count + 2, seed: 20))
        let gradients = FloatBuffer(count: parameters.count, value: .nan)
        let layer = DenseLayer(inputSize: inputSize, units: units, nonlinearity: Nonlinearity(activation, leakySlope: 0.2),
                               initializer: .zeros, parameters: parameters, gradients: gradients, offset: offset,
                               maxBatchSize: batch + 1, context: ComputeContext())
        let input = FloatBuffer(uniformValues(batch * inputSize, seed: 21, in: -2, 2))
        let r = uniformValues(batch * units, seed: 22)
        let inputGradient = FloatBuffer(count: input.count)

        func objective() -> Double {
            layer.forward(input: input.pointer, batchSize: batch, training: true)
            return (0..<batch * units).reduce(0) { $0 + Double(r[$1]) * Double(layer.output[$1]) }
        }
        _ = objective()
        for i in r.indices { layer.outputGradient[i] = r[i] }
        layer.backward(input: input.pointer, inputGradient: inputGradient.pointer, batchSize: batch)

        // Outside the layer's slice, gradients are left untouched.
        #expect(gradients[offset - 1].isNaN && gradients[offset + count].isNaN)
        for i in offset..<offset + count {
            let numeric = centralDifference(of: parameters.pointer, at: i, step: 1e-3, objective)
            let what = i - offset < inputSize * units ? "weight \(i - offset)" : "bias \(i - offset - inputSize * units)"
            expectGradient(gradients[i], numeric, "\(activation) \(what)")
        }
        for i in 0..<input.count {
            let numeric = centralDifference(of: input.pointer, at: i, step: 1e-3, objective)
            expectGradient(inputGradient[i], numeric, "\(activation) input \(i)")
        }
    }

    @Test func backwardWithoutInputGradientStillFillsParameterGradients() {
        let parameters = FloatBuffer(uniformValues(DenseLayer.parameterCount(inputSize: 2, units: 2), seed: 23))
        let gradients = FloatBuffer(count: parameters.count, value: .nan)
        let layer = DenseLayer(inputSize: 2, units: 2, nonlinearity: Nonlinearity(.identity), initializer: .zeros,
                               parameters: parameters, gradients: gradients, offset: 0, maxBatchSize: 1,
                               context: ComputeContext())
        let input = FloatBuffer([1, 2])
        layer.forward(input: input.pointer, batchSize: 1, training: true)
        layer.outputGradient[0] = 1
        layer.outputGradient[1] = -1
        layer.backward(input: input.pointer, inputGradient: nil, batchSize: 1)
        // dW = xᵀ dy = [[1, -1], [2, -2]], db = dy.
        #expect(gradients.array == [1, -1, 2, -2, 1, -1])
    }
}
