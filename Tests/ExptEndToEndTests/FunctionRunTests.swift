import ExptData
import ExptManifest
import ExptOptim
import ExptRunner
import ExptStore
import Foundation
import Testing

/// Runs on 2D test functions, through `Executor.run`, which hands them to `FunctionExecutor`.
struct FunctionRunTests {
    static func spec(_ function: FunctionSettings, _ optimizer: OptimizerConfig, steps: Int, recordEvery: Int = 1) -> RunSpec {
        let config = RunConfig(data: DataConfig(dataset: DatasetConfig(function)), model: [], loss: .crossEntropy,
                               train: TrainConfig(epochs: steps, batchSize: .full, recordEvery: recordEvery), optimizer: optimizer)
        return RunSpec(variant: "v", seed: 0, config: config)
    }

    /// Gradient descent on ½ (x² + 10 y²) from (2, 1) with lr 0.05 multiplies x by 1 − 0.05 = 0.95
    /// and y by 1 − 0.05 · 10 = 0.5 at every step.
    @Test func gradientDescentOnTheQuadraticByHand() {
        let function = FunctionSettings(function: .quadratic, start: [2, 1], conditionNumber: 10)
        let record = Executor().run(Self.spec(function, .sgd(.init(lr: 0.05)), steps: 3))
        #expect(record.status == .complete)
        #expect(record.trajectory.map(\.step) == [0, 1, 2, 3])
        for point in record.trajectory {
            let k = Double(point.step)
            let (x, y) = (2 * pow(0.95, k), pow(0.5, k))
            #expect(abs(point.x - x) <= 1e-15 && abs(point.y - y) <= 1e-15, "step \(point.step)")
            #expect(abs(point.f - 0.5 * (x * x + 10 * y * y)) <= 1e-14)
        }
        // Each step is an epoch: f after the step, as train_loss and val_loss; no accuracy.
        #expect(record.epochs.map(\.epoch) == [1, 2, 3] && record.epochs.map(\.step) == [1, 2, 3])
        #expect(record.epochs.map(\.trainLoss) == Array(record.trajectory.dropFirst().map(\.f)))
        #expect(record.epochs.map(\.validationLoss) == record.epochs.map(\.trainLoss))
        #expect(record.epochs.allSatisfy { $0.validationAccuracy == nil && $0.learningRate == 0.05 })
    }

    /// With lr 1 on ½ (x² + 10 y²), y is multiplied by 1 − 10 = −9 at every step (x goes to 0 at
    /// once), so y = (−9)ᵏ. f is computed as ½ (x² + 10 y²), whose inner 10 y² = 10 · 81ᵏ first
    /// overflows at k = 161 (10 · 81¹⁶⁰ ≈ 2.3e306, 10 · 81¹⁶¹ ≈ 1.8e308 > 1.797e308).
    @Test func divergenceEndsTheRunAtTheStepWhereFStopsBeingFinite() {
        let function = FunctionSettings(function: .quadratic, start: [2, 1], conditionNumber: 10)
        let record = Executor().run(Self.spec(function, .sgd(.init(lr: 1)), steps: 500))
        #expect(record.status == .diverged(step: 161))
        #expect(record.epochs.count == 160)
        #expect(record.trajectory.count == 161 && record.trajectory.last?.step == 160)
        #expect(record.trajectory.allSatisfy { $0.f.isFinite })
    }

    /// Adam on Rosenbrock gets close to the minimum at (1, 1), and every seed takes the same path.
    @Test func adamApproachesRosenbrocksMinimum() {
        let function = FunctionSettings(function: .rosenbrock)
        var spec = Self.spec(function, .adam(.init(lr: 0.05)), steps: 2000)
        let first = Executor().run(spec)
        spec.seed = 7
        let second = Executor().run(spec)
        #expect(first.status == .complete)
        #expect(first.trajectory == second.trajectory)
        let last = first.trajectory.last!
        #expect(abs(last.x - 1) < 0.05 && abs(last.y - 1) < 0.1 && last.f < 1e-2, "\(last)")
        #expect(first.trajectory[0] == TrajectoryPoint(step: 0, x: -1.5, y: 2, f: 12.5))
    }

    /// With record_every 4 over 10 steps, metrics are kept for steps 4, 8 and the last, 10; the
    /// path keeps every step.
    @Test func recordEveryThinsTheMetricsNotThePath() {
        let function = FunctionSettings(function: .quadratic, start: [2, 1], conditionNumber: 10)
        let record = Executor().run(Self.spec(function, .sgd(.init(lr: 0.05)), steps: 10, recordEvery: 4))
        #expect(record.epochs.map(\.epoch) == [4, 8, 10] && record.epochs.map(\.step) == [4, 8, 10])
        #expect(record.trajectory.count == 11)
        #expect(record.epochs.map(\.trainLoss) == [4, 8, 10].map { record.trajectory[$0].f })
    }
}
