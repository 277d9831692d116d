import ExptManifest
import ExptStore
import Testing
@testable import ExptRunner

/// A manifest's own optimizer trains exactly as the built-in it resolves to, written out: the
/// same run id and, bit for bit, the same metrics.
struct OwnOptimizerRunTests {
    static func manifest(optimizers: String, optimizer: String) -> String {
        """
        name: tiny
        data: {dataset: blobs, samples: 24, classes: 2, features: 2}
        model: [{dense: 4, activation: tanh}, {dense: 2}]
        train: {epochs: 3, batch_size: 8}
        \(optimizers)
        variants:
          a: {optimizer: \(optimizer)}
        """
    }

    @Test func myAdamWTrainsAsAdamWWrittenOut() throws {
        let own = try ManifestLoader.decode(text: Self.manifest(
            optimizers: "optimizers: {my-adamw: {name: adamw, weight_decay: 0.1, betas: [0.9, 0.95]}}",
            optimizer: "{name: my-adamw, lr: 0.01}"), path: "x.yaml").runs
        let written = try ManifestLoader.decode(text: Self.manifest(
            optimizers: "",
            optimizer: "{name: adamw, lr: 0.01, weight_decay: 0.1, betas: [0.9, 0.95]}"), path: "x.yaml").runs
        #expect(own.count == 1 && written.count == 1)
        #expect(own[0].id == written[0].id)

        let ownRecord = Executor().run(own[0])
        let writtenRecord = Executor().run(written[0])
        #expect(ownRecord.status == .complete && writtenRecord.status == .complete)
        // 24 blobs less round(0.2 x 24) = 5 for validation: 19 examples in batches of 8, 8 and 3.
        #expect(ownRecord.epochs.map(\.step) == [3, 6, 9])
        let bits = { (record: RunRecord) in
            record.epochs.map { [$0.trainLoss.bitPattern, $0.validationLoss?.bitPattern, $0.validationAccuracy?.bitPattern, $0.learningRate.bitPattern] }
        }
        #expect(bits(ownRecord) == bits(writtenRecord))
        // It trained: the loss moved.
        #expect(ownRecord.epochs[0].trainLoss != ownRecord.epochs[2].trainLoss)
    }
}
