import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Synchronization
import Testing

/// The built `expt` killed with SIGKILL in the middle of a checkpointed run, then run again:
/// the run resumes from its last checkpoint and ends with the metrics.csv of a run that was
/// never killed. Waits for the checkpoint file itself, never for a guessed time.
@Suite(.serialized) struct CheckpointKillTests {
    /// 400 spirals in batches of 16: 25 steps an epoch, 2 000 in all (about a second or two in
    /// a debug build), a checkpoint every 2 epochs.
    static let manifest = """
        name: killed
        seeds: [0]
        data: {dataset: spirals, samples: 400}
        model:
          - {dense: 8, activation: relu}
          - batchnorm
          - {dropout: 0.1}
          - {dense: 2}
        train: {epochs: 80, batch_size: 16, checkpoint: {every: 2}}
        optimizer: {name: adam, lr: 0.01}
        schedule: {name: plateau, patience: 1}
        variants:
          only: {}
        """

    /// metrics.csv without its `elapsedSeconds` column, the one number that differs between two trainings.
    static func withoutElapsed(_ csv: String) -> [[Substring]] {
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let column = rows.first?.firstIndex(of: "elapsedSeconds") else { return rows }
        return rows.map { row in var row = row; row.remove(at: column); return row }
    }

    @Test func aKilledRunResumesFromItsCheckpointWithTheSameMetrics() throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }
        let spec = fixture.experiment.runs[0]
        let checkpoint = CheckpointStore(runs: fixture.folder.runs, spec: spec).path
        let process = fixture.process()
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: checkpoint) && Date() < deadline && process.isRunning {
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        // The checkpoint the killed process left: its epochs so far, an even number below 80.
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: checkpoint))) as? [String: Any]
        let savedCheckpoint = saved?["checkpoint"] as? [String: Any]
        let savedEpochs = ((savedCheckpoint?["state"] as? [String: Any])?["epochs"] as? [Any])?.count ?? 0
        #expect(savedEpochs >= 2 && savedEpochs < 80 && savedEpochs % 2 == 0, "\(savedEpochs)")
        // Its arrays are in the .npz of its epoch; older ones were pruned (a newer one may be half written).
        let folder = (checkpoint as NSString).deletingLastPathComponent
        #expect(saved?["arrays"] as? String == "arrays-\(savedEpochs).npz")
        let archives = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".npz") }
        #expect(archives.contains("arrays-\(savedEpochs).npz") && archives.count <= 2, "\(archives)")
        #expect(!FileManager.default.fileExists(atPath: fixture.runFolder(0) + "/status.json"))

        // Run again: training starts at the epoch after the checkpoint's.
        let trained = Mutex<[Int]>([])
        let summary = try ExperimentRunner().run(fixture.experiment, into: fixture.folder,
                                                 epochEnded: { _, metrics in trained.withLock { $0.append(metrics.epoch) } })
        #expect(summary == ExperimentRunner.BatchSummary(reused: 0, trained: 1))
        #expect(trained.withLock { $0 } == Array(savedEpochs + 1...80))
        #expect(!FileManager.default.fileExists(atPath: (checkpoint as NSString).deletingLastPathComponent))

        let uninterrupted = try StoreFixture(manifest: Self.manifest)
        defer { uninterrupted.remove() }
        #expect(try uninterrupted.run() == 0)
        let resumedMetrics = try String(contentsOfFile: fixture.runFolder(0) + "/metrics.csv", encoding: .utf8)
        let expectedMetrics = try String(contentsOfFile: uninterrupted.runFolder(0) + "/metrics.csv", encoding: .utf8)
        #expect(Self.withoutElapsed(resumedMetrics) == Self.withoutElapsed(expectedMetrics))
        #expect(resumedMetrics.split(separator: "\n").count == 81)
    }
}
