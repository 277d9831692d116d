import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore
import Testing

@testable import ExptRunner

/// Per-layer statistics (`train.layer_stats`): the norms of a network whose gradient is worked
/// out by hand, the identity Σ_l ‖g_l‖² = ‖g‖² step by step, and a run that records them.
@Suite struct LayerStatisticsTests {
    /// x → w0·x + b0 → w1·h + b1, squared error, one example.
    static func twoScalarLayers() -> Network {
        var generator = SeededGenerator(seed: 0)
        return Network(inputShape: [1], layers: [.dense(DenseSpec(units: 1)), .dense(DenseSpec(units: 1))],
                       loss: .meanSquaredError, maxBatchSize: 1, generator: &generator)
    }

    /// w0 = 1, b0 = 0, w1 = 2, b1 = 0 and x = 1, t = 0: h = 1, y = 2, dL/dy = 2 (y − t) = 4,
    /// so ∂w1 = 4 h = 4, ∂b1 = 4, ∂h = 4 w1 = 8, ∂w0 = 8 x = 8, ∂b0 = 8: ‖g_0‖² = 128,
    /// ‖g_1‖² = 32, ‖g‖² = 160.
    @Test func gradientNormsByHand() {
        let network = Self.twoScalarLayers()
        for (i, value) in [Float(1), 0, 2, 0].enumerated() { network.parameters.pointer[i] = value }
        let inputs: [Float] = [1], targets: [Float] = [0]
        let loss = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 1) }
        }
        #expect(loss == 4)
        #expect(Array(network.gradients.buffer) == [8, 8, 4, 4])
        let recorder = LayerStatisticsRecorder(network: network, model: [.dense(DenseSpec(units: 1)), .dense(DenseSpec(units: 1))])
        recorder.addGradients(network.gradients)
        // An update by hand: layer 0 moves by (−1, −1) from (1, 0), layer 1 by (−0.5, −0.5) from (2, 0).
        recorder.rememberParameters(network.parameters)
        for (i, value) in [Float(0), -1, 1.5, -0.5].enumerated() { network.parameters.pointer[i] = value }
        recorder.addUpdate(network.parameters)
        let statistics = recorder.endEpoch(1, parameters: network.parameters)
        #expect(statistics.map(\.layer) == [0, 1])
        #expect(statistics.map(\.kind) == ["dense", "dense"])
        #expect(statistics.map(\.layerName) == ["0.dense", "1.dense"])
        #expect(statistics.map(\.gradientNorm) == [Double(128).squareRoot(), Double(32).squareRoot()])
        // After the update: ‖(0, −1)‖ = 1 and ‖(1.5, −0.5)‖ = √2.5.
        #expect(statistics.map(\.parameterNorm) == [1, Double(2.5).squareRoot()])
        // ‖(−1, −1)‖ / ‖(1, 0)‖ = √2 and ‖(−0.5, −0.5)‖ / ‖(2, 0)‖ = √0.5 / 2.
        #expect(statistics.map(\.updateRatio) == [Double(2).squareRoot(), Double(0.5).squareRoot() / 2])
        let squares = statistics.map { $0.gradientNorm * $0.gradientNorm }
        #expect(abs(squares.reduce(0, +) - 160) < 1e-12)
        #expect(GradientClipping.norm(network.gradients.buffer) == Double(160).squareRoot())
    }

    /// On a three-layer network and real batches, step by step (each step its own "epoch"),
    /// the per-layer squared norms add up to the squared global norm, to double rounding.
    @Test func layerNormsAddUpToTheGlobalNorm() {
        let model: [LayerSpec] = [.dense(DenseSpec(units: 6, activation: .tanh)), .dense(DenseSpec(units: 5, activation: .relu)),
                                  .dense(DenseSpec(units: 3))]
        var generator = SeededGenerator(seed: 3)
        let network = Network(inputShape: [2], layers: model, loss: .meanSquaredError, maxBatchSize: 4, generator: &generator)
        let recorder = LayerStatisticsRecorder(network: network, model: model)
        var data = SeededGenerator(seed: 9)
        for step in 1...5 {
            let inputs = (0..<8).map { _ in Float(data.nextGaussian()) }
            let targets = (0..<12).map { _ in Float(data.nextGaussian()) }
            _ = inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 4) }
            }
            recorder.addGradients(network.gradients)
            let global = GradientClipping.norm(network.gradients.buffer)
            let layers = recorder.endEpoch(step, parameters: network.parameters)
            #expect(layers.count == 3)
            let sum = layers.map { $0.gradientNorm * $0.gradientNorm }.reduce(0, +)
            #expect(global > 0)
            #expect(abs(sum - global * global) <= 1e-12 * global * global)
        }
    }

    /// A run with `layer_stats` records a row per epoch and layer, and trains exactly as without.
    @Test func aRunRecordsEveryLayerAndTheSameMetrics() {
        var spec = sampleSpec()
        let plain = Executor().run(spec)
        spec.config.train.layerStatistics = true
        let recorded = Executor().run(spec)
        #expect(recorded.status == .complete)
        #expect(recorded.epochs.map(\.trainLoss) == plain.epochs.map(\.trainLoss))
        #expect(recorded.epochs.map(\.validationAccuracy) == plain.epochs.map(\.validationAccuracy))
        #expect(plain.layers.isEmpty)
        #expect(recorded.layers.map(\.epoch) == [1, 1, 2, 2, 3, 3])
        #expect(recorded.layers.map(\.layerName) == ["0.dense", "1.dense", "0.dense", "1.dense", "0.dense", "1.dense"])
        #expect(recorded.layers.allSatisfy { $0.gradientNorm > 0 && $0.parameterNorm > 0 && ($0.updateRatio ?? 0) > 0 })
    }
}
