import ExptData
import ExptTestSupport
import Foundation
import Testing

@testable import ExptStore

/// status.json is protected by its own checksum, as the other files of a run folder are by
/// theirs: an edited status makes the run unusable rather than changing the report.
@Suite struct StatusChecksumTests {
    /// Saves `record`, applies `edit` to its status.json text, and loads it back.
    static func loadEdited(_ record: RunRecord, _ edit: (String) -> String) throws -> StoredRun {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        try store.save(record)
        let path = store.folder(of: record.spec) + "/status.json"
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return store.load(record.spec)
    }

    static let mismatch = StoredRun.unusable(reason: "status.json does not match its checksum (changed or cut short)")

    /// The status's text without its checksum line (the first key, keys being sorted).
    static func withoutChecksum(_ text: String) -> String {
        text.replacing(#/\n  "checksum" : "[0-9a-f]{64}",/#, with: "")
    }

    @Test func theChecksumIsTheSHA256OfTheStatusWithoutIt() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        try store.save(sampleRecord())
        let text = try String(contentsOfFile: store.folder(of: sampleRecord().spec) + "/status.json", encoding: .utf8)
        let unsealed = Self.withoutChecksum(text)
        #expect(unsealed.count == text.count - 83)
        #expect(text.hasPrefix("{\n  \"checksum\" : \"\(SHA256.hex(of: unsealed))\",\n  \"epochs\" : 2,\n"))
    }

    @Test func aCompleteRunEditedIntoADivergedOneIsUnusable() throws {
        let loaded = try Self.loadEdited(sampleRecord()) {
            $0.replacingOccurrences(of: "\"status\" : \"complete\"", with: "\"status\" : \"diverged\",\n  \"step\" : 3")
        }
        #expect(loaded == Self.mismatch)
    }

    @Test func anEditedReasonIsUnusable() throws {
        let loaded = try Self.loadEdited(sampleRecord(status: .failed(reason: "out of memory"))) {
            $0.replacingOccurrences(of: "out of memory", with: "<script>alert(1)</script>")
        }
        #expect(loaded == Self.mismatch)
    }

    @Test func editedSecondsAreUnusable() throws {
        let loaded = try Self.loadEdited(sampleRecord()) { $0.replacingOccurrences(of: "\"seconds\" : 0.031", with: "\"seconds\" : 0.032") }
        #expect(loaded == Self.mismatch)
    }

    @Test func spacingIsNotAChange() throws {
        let record = sampleRecord()
        let loaded = try Self.loadEdited(record) { $0.replacingOccurrences(of: "\n", with: "\n\t") }
        guard case .stored(let stored, _) = loaded else {
            Issue.record("not stored: \(loaded)")
            return
        }
        #expect(stored.status == .complete && stored.epochs == record.epochs)
    }

    /// A status whose checksum line is deleted does not pass for an unsealed one: an edit
    /// could otherwise delete it with the change.
    @Test func aStatusWithoutChecksumIsUnusable() throws {
        let loaded = try Self.loadEdited(sampleRecord(status: .diverged(step: 5)), Self.withoutChecksum)
        #expect(loaded == .unusable(reason: "status.json has no checksum of its own"))
    }
}
