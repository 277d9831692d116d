import ExptManifest
import ExptStore
import Foundation
import Synchronization
import Testing
@testable import ExptRunner

/// The batch and a run's checkpoint: an interrupted run keeps it and resumes from it, a finished
/// one deletes it, and `force` trains from the first epoch.
struct CheckpointBatchTests {
    static let manifest = """
        name: batch
        seeds: [0]
        data: {dataset: spirals, samples: 60}
        model: [{dense: 2}]
        train: {epochs: 3, batch_size: 16, checkpoint: {every: 1}}
        optimizer: {name: adam, lr: 0.01}
        variants:
          only: {}
        """

    /// Runs the batch, stopping it at the first batch after `stopAfter` epochs end (never when nil),
    /// and returns the epochs it trained.
    static func epochs(_ experiment: Experiment, into folder: ResultsFolder, force: Bool = false, stopAfter: Int? = nil) throws -> [Int] {
        let trained = Mutex<[Int]>([])
        _ = try ExperimentRunner().run(experiment, into: folder, force: force,
                                       shouldStop: { trained.withLock { $0.count } == stopAfter },
                                       epochEnded: { _, metrics in trained.withLock { $0.append(metrics.epoch) } })
        return trained.withLock { $0 }
    }

    @Test func anInterruptedRunKeepsItsCheckpointAndForceStartsAgain() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("expt-batch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml")
        let folder = ResultsFolder(path: path)
        let checkpoint = CheckpointStore(runs: folder.runs, spec: experiment.runs[0])

        #expect(try Self.epochs(experiment, into: folder, stopAfter: 2) == [1, 2])
        #expect(FileManager.default.fileExists(atPath: checkpoint.path))
        #expect(try Self.epochs(experiment, into: folder, force: true, stopAfter: 1) == [1])
        #expect(try Self.epochs(experiment, into: folder) == [2, 3])
        #expect(!FileManager.default.fileExists(atPath: checkpoint.folder))
        #expect(folder.results(for: experiment).records.map(\.status) == [.complete])
    }
}
