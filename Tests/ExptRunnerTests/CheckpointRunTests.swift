import ExptManifest
import ExptStore
import Foundation
import Testing
@testable import ExptRunner

/// Whole runs with `train.checkpoint` and `train.early_stop`: a run stopped after an epoch and
/// resumed from its checkpoint ends with the metrics of one that never stopped, and early
/// stopping ends a run where its rule says, testing the best epoch's weights with `restore_best`.
struct CheckpointRunTests {
    /// Batch normalisation (running statistics), dropout (its generator), Adam (moments), a
    /// plateau schedule (its progress) and a test set: every kind of state a run carries.
    static func spec(train: String, optimizer: String = "{name: adam, lr: 0.01}") throws -> RunSpec {
        let text = """
            name: tiny
            data: {dataset: spirals, samples: 60, noise: 0.1, test: 0.2}
            model:
              - {dense: 8, activation: relu}
              - batchnorm
              - {dropout: 0.2}
              - {dense: 2}
            train: \(train)
            optimizer: \(optimizer)
            schedule: {name: plateau, patience: 0, factor: 0.5}
            variants:
              only: {}
            """
        return try ManifestLoader.decode(text: text, path: "x.yaml").runs[0]
    }

    /// The metrics without the seconds, which differ from run to run.
    static func numbers(_ epochs: [EpochMetrics]) -> [EpochMetrics] {
        epochs.map { var epoch = $0; epoch.elapsedSeconds = 0; return epoch }
    }

    static func temporaryStore() throws -> RunStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expt-checkpoint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return RunStore(directory: folder)
    }

    @Test(arguments: ["{name: adam, lr: 0.01}", "{name: schedule_free_adamw, lr: 0.01}",
                      "{chain: [scale_by_adam, {add_decayed_weights: 0.1}, scale_by_learning_rate], lr: 0.01}",
                      "{name: lbfgs, lr: 0.5, history_size: 3}"])
    func aResumedRunEndsWithTheMetricsOfAnUninterruptedOne(optimizer: String) throws {
        let spec = try Self.spec(train: "{epochs: 5, batch_size: 16, checkpoint: {every: 2}}", optimizer: optimizer)
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        let uninterrupted = Executor().run(spec)
        #expect(uninterrupted.status == .complete)

        // Stopped at the first batch of epoch 4: the checkpoint of epoch 2 is the last one.
        let checkpoints = CheckpointStore(runs: store, spec: spec)
        var ended = 0
        let stopped = Executor().run(spec, checkpoints: checkpoints, shouldStop: { ended == 3 }, epochEnded: { _ in ended += 1 })
        #expect(stopped.status == .interrupted(step: 9))
        #expect(FileManager.default.fileExists(atPath: checkpoints.path))
        #expect(checkpoints.path.hasSuffix("/.checkpoint-\(spec.id)/checkpoint.json"))

        var resumedEpochs: [Int] = []
        let resumed = Executor().run(spec, checkpoints: checkpoints, epochEnded: { resumedEpochs.append($0.epoch) })
        #expect(resumedEpochs == [3, 4, 5])
        #expect(resumed.status == .complete)
        #expect(Self.numbers(resumed.epochs) == Self.numbers(uninterrupted.epochs))
        #expect(resumed.test == uninterrupted.test)
        #expect(resumed.test != nil)
    }

    /// A checkpoint of another model is not used: the run starts again from epoch 1.
    @Test func aCheckpointOfAnotherModelIsIgnored() throws {
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        let spec = try Self.spec(train: "{epochs: 3, batch_size: 16, checkpoint: {every: 1}}")
        let other = try Self.spec(train: "{epochs: 3, batch_size: 16, checkpoint: {every: 1}}", optimizer: "{name: sgd, lr: 0.1}")
        let checkpoints = CheckpointStore(runs: store, spec: spec)
        var ended = 0
        _ = Executor().run(other, checkpoints: checkpoints, shouldStop: { ended == 1 }, epochEnded: { _ in ended += 1 })
        #expect(FileManager.default.fileExists(atPath: checkpoints.path))
        var epochs: [Int] = []
        let record = Executor().run(spec, checkpoints: checkpoints, epochEnded: { epochs.append($0.epoch) })
        #expect(epochs == [1, 2, 3])
        #expect(Self.numbers(record.epochs) == Self.numbers(Executor().run(spec).epochs))
    }

    /// min_delta 10 lets no epoch after the first improve: patience 2 ends the run after epoch
    /// 3, best epoch 1. With restore_best the test set sees the weights of epoch 1, as a run of
    /// one epoch does; without, those of epoch 3.
    @Test func earlyStoppingEndsTheRunAndRestoresTheBestEpoch() throws {
        let oneEpoch = Executor().run(try Self.spec(train: "{epochs: 1, batch_size: 16}", optimizer: "{name: sgd, lr: 0.5}"))
        let threeEpochs = Executor().run(try Self.spec(train: "{epochs: 3, batch_size: 16}", optimizer: "{name: sgd, lr: 0.5}"))
        let restoring = Executor().run(try Self.spec(
            train: "{epochs: 10, batch_size: 16, early_stop: {patience: 2, min_delta: 10, restore_best: true}}", optimizer: "{name: sgd, lr: 0.5}"))
        let keeping = Executor().run(try Self.spec(
            train: "{epochs: 10, batch_size: 16, early_stop: {patience: 2, min_delta: 10}}", optimizer: "{name: sgd, lr: 0.5}"))
        for record in [restoring, keeping] {
            #expect(record.status == .complete)
            #expect(record.epochs.map(\.epoch) == [1, 2, 3])
            #expect(record.earlyStop == EarlyStopOutcome(epoch: 3, bestEpoch: 1))
            #expect(Self.numbers(record.epochs) == Self.numbers(threeEpochs.epochs))
        }
        #expect(restoring.test == oneEpoch.test)
        #expect(keeping.test == threeEpochs.test)
        #expect(oneEpoch.test != threeEpochs.test)
        #expect(threeEpochs.earlyStop == nil)
    }

    /// A run that trains every epoch records no early stop, even with the setting.
    @Test func aRunThatNeverStopsRecordsNoEarlyStop() throws {
        let record = Executor().run(try Self.spec(train: "{epochs: 2, batch_size: 16, early_stop: {patience: 5}}"))
        #expect(record.epochs.count == 2)
        #expect(record.earlyStop == nil)
    }
}
