import ExptData
import ExptTestSupport
import Foundation
import Testing

@testable import ExptStore

/// A run folder's files are read only when they are regular files, and an empty one reads
/// as empty text (the store fuzzer found Foundation's reader leaking on it).
@Suite struct StoreFileReadingTests {
    @Test func aFIFOInPlaceOfTheStatusIsNotWaitedOn() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        let record = sampleRecord()
        try store.save(record)
        let status = store.folder(of: record.spec) + "/status.json"
        try FileManager.default.removeItem(atPath: status)
        #expect(mkfifo(status, 0o600) == 0)
        #expect(store.load(record.spec) == .unusable(reason: "it did not finish (no status.json)"))
    }

    @Test func anEmptyFileReadsAsEmptyText() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let path = scratch.file("empty")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(StoreFile.read(path) == "")
        #expect(StoreFile.read(scratch.file("absent")) == nil)
        #expect(StoreFile.read(scratch.path) == nil)
    }

    /// The fuzzer's input: a status whose checksums match an empty metrics.csv.
    @Test func anEmptyMetricsTableIsUnusable() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        var record = sampleRecord()
        record.trajectory = []
        try store.save(record)
        let folder = store.folder(of: record.spec)
        let metrics = try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8)
        try "".write(toFile: folder + "/metrics.csv", atomically: true, encoding: .utf8)
        let unsealed = try String(contentsOfFile: folder + "/status.json", encoding: .utf8)
            .replacing(#/\n  "checksum" : "[0-9a-f]{64}",/#, with: "")
            .replacingOccurrences(of: SHA256.hex(of: metrics), with: SHA256.hex(of: ""))
        // Sealed again, so that only the emptied table is wrong.
        let status = "{\n  \"checksum\" : \"\(SHA256.hex(of: unsealed))\",\n" + unsealed.dropFirst(2)
        try status.write(toFile: folder + "/status.json", atomically: true, encoding: .utf8)
        #expect(store.load(record.spec) == .unusable(reason: "metrics.csv has 0 epochs; status.json says 2"))
    }
}
