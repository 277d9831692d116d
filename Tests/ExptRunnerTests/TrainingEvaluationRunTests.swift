import ExptData
import ExptEngine
import ExptOptim
import ExptManifest
import ExptStore
import Testing

@testable import ExptRunner

/// `train.evaluate_train` and `data.label_noise` in a run: the training set's metrics every
/// epoch, the flipped labels with the record, and training itself unchanged by the measurement.
@Suite struct TrainingEvaluationRunTests {
    @Test func trainingMetricsAreRecordedAndChangeNothingElse() {
        var spec = sampleSpec()
        let plain = Executor().run(spec)
        spec.config.train.evaluateTraining = true
        let evaluated = Executor().run(spec)
        #expect(evaluated.epochs.count == 3)
        #expect(plain.epochs.allSatisfy { $0.trainAccuracy == nil && $0.trainEvaluationLoss == nil })
        #expect(evaluated.epochs.map(\.trainLoss) == plain.epochs.map(\.trainLoss))
        #expect(evaluated.epochs.map(\.validationLoss) == plain.epochs.map(\.validationLoss))
        // 48 training examples (60 spirals, 20% held out): every accuracy is a multiple of 1/48.
        for epoch in evaluated.epochs {
            let accuracy = epoch.trainAccuracy ?? -1
            #expect((0...1).contains(accuracy))
            #expect((accuracy * 48).rounded() == accuracy * 48)
            #expect((epoch.trainEvaluationLoss ?? 0) > 0)
        }
    }

    @Test func aRegressionRunRecordsTheLossOnly() {
        let config = RunConfig(
            data: DataConfig(dataset: DatasetConfig(LinearSettings(samples: 40))),
            model: [.dense(DenseSpec(units: 1))], loss: .meanSquaredError,
            train: TrainConfig(epochs: 2, batchSize: .size(8), evaluateTraining: true),
            optimizer: .sgd(SGDHyperparameters(lr: 0.01)))
        let record = Executor().run(RunSpec(variant: "linear", seed: 0, config: config))
        #expect(record.epochs.map { $0.trainAccuracy == nil } == [true, true])
        #expect(record.epochs.allSatisfy { ($0.trainEvaluationLoss ?? 0) > 0 })
    }

    /// 60 spirals, 12 held out: round(0.25 · 48) = 12 labels flipped, recorded with the run.
    @Test func aNoisyRunRecordsItsFlippedLabels() {
        var spec = sampleSpec()
        spec.config.data.labelNoise = 0.25
        let record = Executor().run(spec)
        #expect(record.status == .complete)
        #expect(record.flippedLabels.count == 12)
        #expect(record.flippedLabels.allSatisfy { $0.label != $0.noisyLabel && (0..<2).contains($0.noisyLabel) })
        #expect(record.flippedLabels.map(\.example) == record.flippedLabels.map(\.example).sorted())
    }
}
