import ExptData
import ExptManifest
import Testing
@testable import ExptRunner

/// `data.validation: 0`: every example is trained on and no validation metric is recorded.
struct NoValidationRunTests {
    @Test func aFractionOfZeroHoldsOutNothing() {
        #expect(Dataset.splitSizes(count: 10, validationFraction: 0) == (train: 10, validation: 0))
        #expect(Dataset.splitSizes(count: 10, validationFraction: 0, testFraction: 0.2) == (train: 8, validation: 0, test: 2))
    }

    @Test func aRunRecordsNoValidationMetrics() throws {
        let text = """
            name: tiny
            data: {dataset: blobs, samples: 12, classes: 2, features: 2, validation: 0}
            model: [{dense: 2}]
            train: {epochs: 2, batch_size: 4}
            optimizer: {name: sgd, lr: 0.1}
            compare: {metric: train_loss}
            variants:
              sgd: {}
            """
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        let record = Executor().run(experiment.runs[0])
        #expect(record.status == .complete)
        // 12 examples in batches of 4: 3 steps an epoch, all of them trained on.
        #expect(record.epochs.map(\.step) == [3, 6])
        #expect(record.epochs.allSatisfy { $0.validationLoss == nil && $0.validationAccuracy == nil && $0.trainLoss.isFinite })
    }
}
