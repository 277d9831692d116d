import Testing
@testable import ExptEngine
import ExptTestSupport

/// Every layer's backward pass against central differences of L = Σ r ⊙ y (training mode), for
/// its parameters and its inputs. Layers are built as the network builds them, at an offset
/// inside larger parameter buffers.
struct LayerGradientTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let inputShape: [Int]
        let spec: LayerSpec
        let batch: Int
        var testDescription: String { "\(spec) on \(inputShape) x \(batch)" }
    }

    static let cases = [
        Case(inputShape: [2, 5, 6], spec: .conv2d(Conv2DSpec(filters: 3, kernel: 3, stride: 2, padding: 1, activation: .tanh)), batch: 2),
        Case(inputShape: [1, 4, 4], spec: .conv2d(Conv2DSpec(filters: 2, kernel: 2, activation: .gelu)), batch: 3),
        Case(inputShape: [3, 5, 5], spec: .conv2d(Conv2DSpec(filters: 2, kernel: 3, stride: 1, padding: 2, activation: .sigmoid)), batch: 2),
        // "Same" padding (stride 1, output as wide as the input): im2col copies each row as one shifted block.
        Case(inputShape: [2, 6, 5], spec: .conv2d(Conv2DSpec(filters: 3, kernel: 5, padding: 2, activation: .tanh)), batch: 2),
        Case(inputShape: [3, 4, 7], spec: .conv2d(Conv2DSpec(filters: 2, kernel: 3, padding: 1)), batch: 2),
        // A vector read as a 1 x 1 x 12 image.
        Case(inputShape: [12], spec: .conv2d(Conv2DSpec(filters: 2, kernel: 1, stride: 2)), batch: 2),
        Case(inputShape: [2, 4, 5], spec: .maxPool2d(PoolSpec(kernel: 2)), batch: 2),
        Case(inputShape: [1, 5, 5], spec: .maxPool2d(PoolSpec(kernel: 3, stride: 2)), batch: 2),
        Case(inputShape: [2, 4, 5], spec: .avgPool2d(PoolSpec(kernel: 2)), batch: 2),
        Case(inputShape: [1, 5, 4], spec: .avgPool2d(PoolSpec(kernel: 3, stride: 1)), batch: 2),
        Case(inputShape: [4], spec: .batchNorm(BatchNormSpec()), batch: 5),
        Case(inputShape: [3, 2], spec: .batchNorm(BatchNormSpec(activation: .tanh)), batch: 3),
        Case(inputShape: [2, 3, 2], spec: .batchNorm(BatchNormSpec(activation: .gelu)), batch: 3),
        Case(inputShape: [5, 3], spec: .recurrent(RecurrentSpec(cell: .rnn, units: 4)), batch: 3),
        Case(inputShape: [4, 2], spec: .recurrent(RecurrentSpec(cell: .rnn, units: 3, output: .sequence)), batch: 2),
        Case(inputShape: [5, 3], spec: .recurrent(RecurrentSpec(cell: .gru, units: 4)), batch: 3),
        Case(inputShape: [4, 2], spec: .recurrent(RecurrentSpec(cell: .gru, units: 3, output: .sequence)), batch: 2),
        Case(inputShape: [5, 3], spec: .recurrent(RecurrentSpec(cell: .lstm, units: 4)), batch: 3),
        Case(inputShape: [4, 2], spec: .recurrent(RecurrentSpec(cell: .lstm, units: 3, output: .sequence)), batch: 2),
        // One step: no hidden-to-hidden gradient but its zeroing; a vector read as 6 steps of 1 feature.
        Case(inputShape: [1, 3], spec: .recurrent(RecurrentSpec(cell: .lstm, units: 2)), batch: 2),
        Case(inputShape: [6], spec: .recurrent(RecurrentSpec(cell: .gru, units: 3)), batch: 2),
    ]

    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ c: Case) throws {
        // Recurrent layers' outputs carry the rounding of every step: a larger step keeps the
        // float32 noise of the quotient below the tolerance (the layer is smooth, so the O(h²)
        // error stays small); the others keep 1e-3, clear of the pools' kinks.
        let step: Float = c.spec.settings is RecurrentSpec ? 1e-2 : 1e-3
        try checkLayerGradients(c.spec, inputShape: c.inputShape, batch: c.batch, step: step, seed: 30)
    }

    /// With its mask held fixed, dropout is linear: dx = dy ⊙ mask, and the mask holds only
    /// 0 and 1 / (1 − rate).
    @Test func dropoutWithAFixedMaskMatchesFiniteDifferences() {
        let (size, batch) = (10, 4)
        let layer = DropoutLayer(size: size, rate: 0.3, generator: SeededGenerator(seed: 33), maxBatchSize: batch)
        let input = FloatBuffer(uniformValues(size * batch, seed: 34))
        let r = uniformValues(size * batch, seed: 35)
        layer.forward(input: input.pointer, batchSize: batch, training: true)
        let kept = (0..<size * batch).filter { layer.output[$0] != 0 }
        #expect(kept.count > 0 && kept.count < size * batch)
        for i in kept { #expect(abs(layer.output[i] - input[i] / 0.7) <= 1e-6) }

        func objective() -> Double {
            layer.applyMask(input.pointer, count: size * batch)
            return r.indices.reduce(0) { $0 + Double(r[$1]) * Double(layer.output[$1]) }
        }
        for i in r.indices { layer.outputGradient[i] = r[i] }
        let inputGradient = FloatBuffer(count: input.count)
        layer.backward(input: input.pointer, inputGradient: inputGradient.pointer, batchSize: batch)
        for i in 0..<input.count {
            let numeric = centralDifference(of: input.pointer, at: i, step: 1e-3, objective)
            expectGradient(inputGradient[i], numeric, "input \(i)")
        }
    }
}
