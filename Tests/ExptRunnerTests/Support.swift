import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore
import Foundation

@testable import ExptRunner

/// A small run's settings: 60 spirals, one hidden layer, SGD, 3 epochs.
func sampleSpec(variant: String = "sgd", seed: UInt64 = 0, lr: Double = 0.1) -> RunSpec {
    let config = RunConfig(
        data: DataConfig(dataset: DatasetConfig(SpiralsSettings(samples: 60))),
        model: [.dense(DenseSpec(units: 8, activation: .relu)), .dense(DenseSpec(units: 2))],
        loss: .crossEntropy,
        train: TrainConfig(epochs: 3, batchSize: .size(16)),
        optimizer: .sgd(SGDHyperparameters(lr: lr)))
    return RunSpec(variant: variant, seed: seed, config: config)
}

/// A record with values that exercise the tables: a nil accuracy, a number that needs all 17
/// digits, a tiny one, and a trajectory.
func sampleRecord(_ spec: RunSpec = sampleSpec(), status: RunStatus = .complete) -> RunRecord {
    RunRecord(
        spec: spec, status: status,
        epochs: [
            EpochMetrics(epoch: 1, step: 3, trainLoss: 0.1 + 0.2, validationLoss: 0.6931471805599453,
                         validationAccuracy: 0.5, learningRate: 0.1, elapsedSeconds: 0.012),
            EpochMetrics(epoch: 2, step: 6, trainLoss: 5e-324, validationLoss: 1e300,
                         validationAccuracy: nil, learningRate: 0.1, elapsedSeconds: 0.025),
        ],
        seconds: 0.031,
        trajectory: [TrajectoryPoint(step: 0, x: -1.5, y: 2, f: 12.5), TrajectoryPoint(step: 1, x: -1.25, y: 1.75, f: .nan)])
}
