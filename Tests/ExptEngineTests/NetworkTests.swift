import Foundation
import Testing
@testable import ExptEngine
import ExptTestSupport

struct NetworkTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let loss: LossKind
        let inputSize: Int
        let layers: [LayerSpec]
        let batch: Int
        var testDescription: String {
            "\(loss.rawValue): \(inputSize) -> \(layers.map(\.description).joined(separator: " -> "))"
        }
    }

    static let gradientCases = [
        Case(loss: .crossEntropy, inputSize: 5, layers: [.dense(.init(units: 7, activation: .tanh)),
                                                         .dense(.init(units: 6, activation: .sigmoid)),
                                                         .dense(.init(units: 4))], batch: 3),
        Case(loss: .crossEntropy, inputSize: 4, layers: [.dense(.init(units: 8, activation: .relu)),
                                                         .dense(.init(units: 3))], batch: 5),
        Case(loss: .meanSquaredError, inputSize: 3, layers: [.dense(.init(units: 6, activation: .tanh)),
                                                             .dense(.init(units: 2))], batch: 4),
        Case(loss: .meanSquaredError, inputSize: 4, layers: [.dense(.init(units: 5, activation: .sigmoid)),
                                                             .dense(.init(units: 5, activation: .relu)),
                                                             .dense(.init(units: 3, activation: .tanh))], batch: 3),
    ]

    /// Every parameter's gradient from `trainStep` against central differences of the mean loss.
    /// The inputs hold one more row than the batch, filled with NaN: it must not be read.
    @Test(arguments: gradientCases)
    func trainStepGradientMatchesFiniteDifferences(_ c: Case) {
        var generator = SeededGenerator(seed: 40)
        let network = Network(inputSize: c.inputSize, layers: c.layers, loss: c.loss, maxBatchSize: c.batch + 1,
                              generator: &generator)
        let inputs = uniformValues(c.batch * c.inputSize, seed: 41) + Array(repeating: .nan, count: c.inputSize)
        let targets = c.loss == .crossEntropy
            ? (0..<c.batch).map { _ in Float(generator.nextInt(below: network.outputSize)) }
            : uniformValues(c.batch * network.outputSize, seed: 42)

        let meanLoss = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: c.batch) }
        }
        func loss() -> Double {
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in network.loss(inputs: x, targets: t, batchSize: c.batch) }
            }
        }
        #expect(meanLoss.isFinite)
        #expect(abs(Double(meanLoss) - loss()) <= 1e-6 * Double(meanLoss))
        for i in 0..<network.parameters.count {
            let numeric = centralDifference(of: network.parameters.pointer, at: i, step: 1e-3, loss)
            expectGradient(network.gradients[i], numeric, "parameter \(i)")
        }
    }

    /// 2 inputs -> 2 relu -> 1 identity, with parameters set by hand:
    /// W1 = [[1, -1], [2, 0.5]] (row i = input i), b1 = [0.5, -1], W2 = [[2], [3]], b2 = [-0.5].
    @Test func forwardAndBackwardByHand() {
        var generator = SeededGenerator(seed: 0)
        let network = Network(inputSize: 2, layers: [.dense(.init(units: 2, activation: .relu)), .dense(.init(units: 1))],
                              loss: .meanSquaredError, maxBatchSize: 2, generator: &generator)
        let values: [Float] = [1, -1, 2, 0.5, 0.5, -1, 2, 3, -0.5]
        for (i, value) in values.enumerated() { network.parameters[i] = value }
        let inputs: [Float] = [1, 2, -1, 0]
        // Row 1: z1 = [1·1 + 2·2 + 0.5, 1·(−1) + 2·0.5 − 1] = [5.5, −1] → h = [5.5, 0] → y = 5.5·2 − 0.5 = 10.5.
        // Row 2: z1 = [−1 + 0.5, 1 − 1] = [−0.5, 0] → h = [0, 0] → y = −0.5.
        let outputs = inputs.withUnsafeBufferPointer { Array(network.outputs(inputs: $0, batchSize: 2)) }
        #expect(outputs == [10.5, -0.5])

        // Targets [10, 0]: loss = (0.5² + 0.5²) / 2 = 0.25; dy = 2 (y − t) / 2 = [0.5, −0.5].
        // dW2 = hᵀ dy = [5.5·0.5, 0] = [2.75, 0]; db2 = 0.5 − 0.5 = 0.
        // dh = dy W2ᵀ = [[1, 1.5], [−1, −1.5]]; the relu mask keeps only row 1, unit 1: dz1 = [[1, 0], [0, 0]].
        // dW1 = xᵀ dz1 = [[1, 0], [2, 0]]; db1 = [1, 0].
        let targets: [Float] = [10, 0]
        let loss = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 2) }
        }
        #expect(loss == 0.25)
        #expect(network.gradients.array == [1, 0, 2, 0, 1, 0, 2.75, 0, 0])
    }

    @Test func parameterRangesAreContiguousAndNamed() {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputSize: 3, layers: [.dense(.init(units: 4, activation: .relu)), .dense(.init(units: 2))],
                              loss: .crossEntropy, maxBatchSize: 8, generator: &generator)
        #expect(network.parameterRanges.map(\.name) == ["dense0", "dense1"])
        #expect(network.parameterRanges.map(\.range) == [0..<16, 16..<26])
        #expect(network.parameters.count == 26 && network.gradients.count == 26)
        #expect(network.inputSize == 3 && network.outputSize == 2)
    }

    /// Same seed: bit-identical parameters, losses and gradients over a few descent steps.
    /// Another seed: other parameters.
    @Test func sameSeedGivesBitIdenticalTraining() {
        func train(seed: UInt64) -> (parameters: [Float], losses: [Float], gradients: [Float]) {
            var generator = SeededGenerator(seed: seed)
            let network = Network(inputSize: 6, layers: [.dense(.init(units: 16, activation: .relu)),
                                                         .dense(.init(units: 16, activation: .tanh)),
                                                         .dense(.init(units: 3))],
                                  loss: .crossEntropy, maxBatchSize: 32, generator: &generator)
            let initial = network.parameters.array
            let inputs = uniformValues(32 * 6, seed: 50)
            let labels = (0..<32).map { Float($0 % 3) }
            var losses: [Float] = []
            for _ in 0..<3 {
                losses.append(inputs.withUnsafeBufferPointer { x in
                    labels.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 32) }
                })
                for i in 0..<network.parameters.count { network.parameters[i] -= 0.1 * network.gradients[i] }
            }
            return (initial, losses, network.gradients.array)
        }
        let first = train(seed: 7)
        let second = train(seed: 7)
        #expect(first.parameters.map(\.bitPattern) == second.parameters.map(\.bitPattern))
        #expect(first.losses.map(\.bitPattern) == second.losses.map(\.bitPattern))
        #expect(first.gradients.map(\.bitPattern) == second.gradients.map(\.bitPattern))
        #expect(first.losses[2] < first.losses[0])
        #expect(train(seed: 8).parameters != first.parameters)
    }

    /// With zero weights and biases every output is 0: a three-way tie that the first class wins,
    /// and a loss of log 3 per example.
    @Test func evaluateCountsFirstMaximumAndSumsLosses() {
        var generator = SeededGenerator(seed: 2)
        let network = Network(inputSize: 2, layers: [.dense(.init(units: 3, initializer: .zeros))],
                              loss: .crossEntropy, maxBatchSize: 4, generator: &generator)
        let inputs = uniformValues(8, seed: 60)
        let labels: [Float] = [0, 1, 2, 0]
        let result = inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { t in network.evaluate(inputs: x, targets: t, batchSize: 4, labels: t) }
        }
        #expect(result.correct == 2)
        #expect(abs(result.lossSum - 4 * log(3.0)) < 1e-6)

        // Now favour class 2 through its bias: rows labelled 2 are the only correct ones.
        network.parameters[network.parameters.count - 1] = 1
        let favoured = inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { t in network.evaluate(inputs: x, targets: t, batchSize: 4, labels: t) }
        }
        #expect(favoured.correct == 1)
        let withoutLabels = inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { t in network.evaluate(inputs: x, targets: t, batchSize: 4, labels: nil) }
        }
        #expect(withoutLabels.correct == 0 && withoutLabels.lossSum == favoured.lossSum)
    }
}
