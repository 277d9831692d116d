import ExptData
import Foundation
import Testing

@testable import ExptStore
import ExptTestSupport

@Suite struct RunStoreTests {
    @Test(arguments: [RunStatus.complete, .diverged(step: 5), .failed(reason: "the model has 3 outputs, but \"2\""), .interrupted(step: 4)])
    func aStoredRunReadsBackEqual(status: RunStatus) throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        let record = sampleRecord(status: status)
        let finished = Date(timeIntervalSince1970: 1_700_000_000)
        try store.save(record, finished: finished)

        guard case .stored(let loaded, let when) = store.load(record.spec) else {
            Issue.record("not stored: \(store.load(record.spec))")
            return
        }
        #expect(when == "2023-11-14T22:13:20Z")
        #expect(loaded.status == record.status)
        #expect(loaded.seconds == record.seconds)
        #expect(loaded.epochs == record.epochs)
        // NaN is never equal to itself, so the trajectory is compared by bits.
        #expect(loaded.trajectory.map(\.f.bitPattern) == record.trajectory.map(\.f.bitPattern))
        #expect(loaded.trajectory.map(\.step) == [0, 1])
        #expect(loaded.trajectory.map(\.x) == [-1.5, -1.25])
    }

    @Test func testMetricsReadBackEqual() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        var record = sampleRecord()
        record.test = TestMetrics(loss: 0.25, accuracy: 0.875)
        try store.save(record)
        guard case .stored(let loaded, _) = store.load(record.spec) else {
            Issue.record("not stored: \(store.load(record.spec))")
            return
        }
        #expect(loaded.test == TestMetrics(loss: 0.25, accuracy: 0.875))
        #expect(try String(contentsOfFile: store.folder(of: record.spec) + "/status.json", encoding: .utf8)
            .contains("\"test\" : {\n    \"accuracy\" : 0.875,\n    \"loss\" : 0.25\n  }"))
    }

    @Test func theRunFolderHoldsTheDocumentedFiles() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        let record = sampleRecord()
        try store.save(record)
        let folder = store.folder(of: record.spec)
        #expect(folder == scratch.file("runs/\(record.spec.id)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["config.json", "metrics.csv", "status.json", "trajectory.csv"])
        #expect(try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8) == """
            epoch,step,trainLoss,validationLoss,validationAccuracy,learningRate,elapsedSeconds
            1,3,0.30000000000000004,0.6931471805599453,0.5,0.1,0.012
            2,6,5e-324,1e+300,,0.1,0.025

            """)
        #expect(try String(contentsOfFile: folder + "/trajectory.csv", encoding: .utf8) == "step,x,y,f\n0,-1.5,2,12.5\n1,-1.25,1.75,nan\n")
        #expect(try String(contentsOfFile: folder + "/config.json", encoding: .utf8) == record.spec.canonicalJSON())
        let status = try String(contentsOfFile: folder + "/status.json", encoding: .utf8)
        #expect(status.contains("\"status\" : \"complete\""))
        #expect(status.contains("\"run_id\" : \"\(record.spec.id)\""))
        #expect(status.contains("\"metrics.csv\" : \"\(SHA256.hex(of: try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8)))\""))
    }

    @Test func savingARecordWithoutTrajectoryRemovesAnOldOne() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        try store.save(sampleRecord())
        var plain = sampleRecord()
        plain.trajectory = []
        try store.save(plain)
        #expect(!FileManager.default.fileExists(atPath: store.folder(of: plain.spec) + "/trajectory.csv"))
        #expect(store.load(plain.spec) == .stored(plain, finished: storedFinish(store, plain)))
    }

    /// How a run folder can be damaged (a crash mid-write, a person editing files), and the
    /// reason the store gives for not using it.
    static let damages: [(String, @Sendable (String) throws -> Void, String)] = [
        ("no status (killed before the end)", { try FileManager.default.removeItem(atPath: $0 + "/status.json") },
         "it did not finish (no status.json)"),
        ("status is not JSON", { try "{\"status\": \"compl".write(toFile: $0 + "/status.json", atomically: true, encoding: .utf8) },
         "status.json is not a valid status"),
        ("status names no known ending", {
            let text = try String(contentsOfFile: $0 + "/status.json", encoding: .utf8)
            try text.replacingOccurrences(of: "\"complete\"", with: "\"finished\"").write(toFile: $0 + "/status.json", atomically: true, encoding: .utf8)
         }, "status.json is not a valid status"),
        ("metrics deleted", { try FileManager.default.removeItem(atPath: $0 + "/metrics.csv") }, "metrics.csv is missing"),
        ("metrics cut in half", {
            let text = try String(contentsOfFile: $0 + "/metrics.csv", encoding: .utf8)
            try String(text.prefix(text.count / 2)).write(toFile: $0 + "/metrics.csv", atomically: true, encoding: .utf8)
         }, "metrics.csv does not match its checksum in status.json (changed or cut short)"),
        ("metrics edited", {
            let text = try String(contentsOfFile: $0 + "/metrics.csv", encoding: .utf8)
            try text.replacingOccurrences(of: "0.5", with: "0.9").write(toFile: $0 + "/metrics.csv", atomically: true, encoding: .utf8)
         }, "metrics.csv does not match its checksum in status.json (changed or cut short)"),
        ("metrics overwritten with bytes that are not UTF-8", {
            try Data([0x65, 0x70, 0xff, 0xfe, 0x0a]).write(to: URL(fileURLWithPath: $0 + "/metrics.csv"))
         }, "metrics.csv cannot be read as UTF-8 text"),
        ("config deleted", { try FileManager.default.removeItem(atPath: $0 + "/config.json") }, "config.json is missing"),
        ("trajectory deleted", { try FileManager.default.removeItem(atPath: $0 + "/trajectory.csv") }, "trajectory.csv is missing"),
    ]

    @Test(arguments: damages.indices)
    func aDamagedRunFolderIsUnusableWithItsReason(index: Int) throws {
        let (_, damage, reason) = Self.damages[index]
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        let record = sampleRecord()
        try store.save(record)
        try damage(store.folder(of: record.spec))
        #expect(store.load(record.spec) == .unusable(reason: reason))
    }

    @Test func aFolderOfOtherSettingsIsUnusable() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        let record = sampleRecord()
        try store.save(record)
        // A folder renamed (or an id collision): its files describe another run.
        let other = sampleSpec(seed: 9)
        try FileManager.default.moveItem(atPath: store.folder(of: record.spec), toPath: store.folder(of: other))
        #expect(store.load(other) == .unusable(reason: "status.json belongs to run \(record.spec.id)"))
    }

    @Test func anAbsentRunIsAbsent() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        #expect(RunStore(directory: scratch.file("runs")).load(sampleSpec()) == .absent)
        #expect(RunStore(directory: scratch.file("runs")).storedIDs() == [])
    }

    private func storedFinish(_ store: RunStore, _ record: RunRecord) -> String {
        if case .stored(_, let finished) = store.load(record.spec) { return finished }
        return ""
    }
}
