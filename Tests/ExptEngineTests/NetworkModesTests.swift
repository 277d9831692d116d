import Testing
@testable import ExptEngine
import ExptTestSupport

/// Networks of the new layers: whole-network gradients, training against evaluation mode,
/// determinism with dropout, and batchnorm's running statistics kept out of the parameters.
struct NetworkModesTests {
    func run<R>(_ network: Network, _ inputs: [Float], _ targets: [Float], batch: Int,
                _ body: (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>) -> R) -> R {
        inputs.withUnsafeBufferPointer { x in targets.withUnsafeBufferPointer { t in body(x, t) } }
    }

    /// A small CNN and a GRU classifier (no dropout or batchnorm, so both modes agree): every
    /// parameter's gradient from `trainStep` against central differences of the mean loss. The CNN
    /// takes a small step (max pooling and leaky relu have kinks), the recurrent stack a larger one
    /// (its float32 rounding accumulates over steps).
    @Test(arguments: [
        (Float(1e-3), [1, 6, 6], [LayerSpec.conv2d(Conv2DSpec(filters: 3, kernel: 3, padding: 1, activation: .leakyRelu)),
                     .maxPool2d(PoolSpec(kernel: 2)), .conv2d(Conv2DSpec(filters: 2, kernel: 2, activation: .gelu)),
                     .avgPool2d(PoolSpec(kernel: 2)), .flatten, .dense(DenseSpec(units: 3))]),
        (Float(1e-2), [6, 2], [LayerSpec.recurrent(RecurrentSpec(cell: .gru, units: 4, output: .sequence)),
                  .recurrent(RecurrentSpec(cell: .lstm, units: 3)), .dense(DenseSpec(units: 3))]),
    ])
    func wholeNetworkGradients(_ step: Float, _ inputShape: [Int], _ layers: [LayerSpec]) {
        var generator = SeededGenerator(seed: 70)
        let batch = 3
        let network = Network(inputShape: inputShape, layers: layers, loss: .crossEntropy, maxBatchSize: batch, generator: &generator)
        let inputs = uniformValues(batch * network.inputSize, seed: 71)
        let labels: [Float] = [0, 2, 1]
        _ = run(network, inputs, labels, batch: batch) { network.trainStep(inputs: $0, targets: $1, batchSize: batch) }
        let analytic = network.gradients.array
        func loss() -> Double { run(network, inputs, labels, batch: batch) { network.loss(inputs: $0, targets: $1, batchSize: batch) } }
        for i in 0..<network.parameters.count {
            let numeric = centralDifference(of: network.parameters.pointer, at: i, step: step, loss)
            expectGradient(analytic[i], numeric, "parameter \(i)")
        }
    }

    /// Dropout is off at evaluation; in training it draws a new mask per step from the network's
    /// own stream, the same for the same seed.
    @Test func dropoutIsOffAtEvaluationAndDeterministic() {
        func make(seed: UInt64) -> Network {
            var generator = SeededGenerator(seed: seed)
            return Network(inputShape: [8], layers: [.dropout(DropoutSpec(rate: 0.5)), .dense(DenseSpec(units: 2))],
                           loss: .meanSquaredError, maxBatchSize: 4, generator: &generator)
        }
        let inputs = uniformValues(32, seed: 72), targets = uniformValues(8, seed: 73)
        let network = make(seed: 1)
        let evaluation = run(network, inputs, targets, batch: 4) { network.loss(inputs: $0, targets: $1, batchSize: 4) }
        let again = run(network, inputs, targets, batch: 4) { network.loss(inputs: $0, targets: $1, batchSize: 4) }
        #expect(evaluation == again)
        let first = run(network, inputs, targets, batch: 4) { network.trainStep(inputs: $0, targets: $1, batchSize: 4) }
        let second = run(network, inputs, targets, batch: 4) { network.trainStep(inputs: $0, targets: $1, batchSize: 4) }
        #expect(first != second)
        #expect(Double(first) != evaluation)
        let twin = make(seed: 1)
        let twinFirst = run(twin, inputs, targets, batch: 4) { twin.trainStep(inputs: $0, targets: $1, batchSize: 4) }
        let twinSecond = run(twin, inputs, targets, batch: 4) { twin.trainStep(inputs: $0, targets: $1, batchSize: 4) }
        #expect(first.bitPattern == twinFirst.bitPattern && second.bitPattern == twinSecond.bitPattern)
    }

    /// Batchnorm: scale and shift are parameters (1 and 0 at start); the running statistics are
    /// not, and evaluation uses them: at start (mean 0, variance 1) it is y = x / √(1 + ε).
    @Test func batchNormStatisticsAreStateNotParameters() throws {
        var generator = SeededGenerator(seed: 3)
        let network = Network(inputShape: [2], layers: [.batchNorm(BatchNormSpec())], loss: .meanSquaredError,
                              maxBatchSize: 2, generator: &generator)
        #expect(network.parameters.array == [1, 1, 0, 0])
        #expect(network.parameterRanges == [ParameterRange(name: "batchnorm0", range: 0..<4)])
        let inputs: [Float] = [1, 10, 3, 20]
        let evaluated = inputs.withUnsafeBufferPointer { Array(network.outputs(inputs: $0, batchSize: 2)) }
        let scale = 1 / (1 + Float(1e-5)).squareRoot()
        #expect(evaluated == inputs.map { $0 * scale })
        // One training step: batch means [2, 15], unbiased variances [2, 50];
        // running mean 0.1 · [2, 15] = [0.2, 1.5], running variance 0.9 + 0.1 · [2, 50] = [1.1, 5.9].
        _ = run(network, inputs, [0, 0, 0, 0], batch: 2) { network.trainStep(inputs: $0, targets: $1, batchSize: 2) }
        let norm = try #require(network.layers[0] as? BatchNormLayer)
        #expect(norm.runningMean.array == [0.2, 1.5])
        #expect(abs(norm.runningVariance[0] - 1.1) < 1e-6 && abs(norm.runningVariance[1] - 5.9) < 1e-6)
        #expect(network.parameters.array == [1, 1, 0, 0])
    }

    /// Orthogonal: every gate block of a GRU's W_hh has orthonormal rows (QQᵀ = I).
    @Test func recurrentWeightsAreOrthogonalPerGate() {
        var generator = SeededGenerator(seed: 5)
        let units = 6
        let network = Network(inputShape: [3, 2], layers: [.recurrent(RecurrentSpec(cell: .gru, units: units))],
                              loss: .meanSquaredError, maxBatchSize: 1, generator: &generator)
        let hiddenStart = 3 * units * 2
        for gate in 0..<3 {
            let block = hiddenStart + gate * units * units
            for a in 0..<units {
                for b in 0..<units {
                    let dot = (0..<units).reduce(0.0) {
                        $0 + Double(network.parameters[block + a * units + $1]) * Double(network.parameters[block + b * units + $1])
                    }
                    #expect(abs(dot - (a == b ? 1 : 0)) < 1e-6, "gate \(gate) rows \(a), \(b)")
                }
            }
        }
    }
}
