import ExptManifest
import ExptStore
import Foundation
import Testing

/// status.json records where early stopping ended a run, and nothing for any other run.
struct EarlyStopStatusTests {
    @Test func theStatusRecordsTheEpochsAndReadsThemBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expt-early-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = RunStore(directory: folder)
        var spec = sampleSpec()
        spec.config.train.earlyStop = EarlyStopConfig(patience: 1)
        var record = sampleRecord(spec)
        record.trajectory = []
        record.earlyStop = EarlyStopOutcome(epoch: 2, bestEpoch: 1)
        try store.save(record)
        let status = try String(contentsOfFile: store.folder(of: spec) + "/status.json", encoding: .utf8)
        #expect(status.contains("""
              "early_stop" : {
                "best_epoch" : 1,
                "epoch" : 2
              },
            """))
        guard case .stored(let loaded, _) = store.load(spec) else {
            Issue.record("the run was not read back")
            return
        }
        #expect(loaded.earlyStop == EarlyStopOutcome(epoch: 2, bestEpoch: 1))

        let plain = sampleRecord()
        try store.save(plain)
        let plainStatus = try String(contentsOfFile: store.folder(of: plain.spec) + "/status.json", encoding: .utf8)
        #expect(!plainStatus.contains("early_stop"))
    }
}
