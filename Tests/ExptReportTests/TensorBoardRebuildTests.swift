import ExptStore
import ExptTestSupport
import Foundation
import Testing
@testable import ExptReport

/// `tensorboard/` rebuilt from stored runs: its files, their times, and the same bytes every time.
@Suite struct TensorBoardRebuildTests {
    static let log = TensorBoardLog(experiment: Fixture.experiment(), data: RecordedData(datasets: []))
    /// 2026-01-02T03:04:05Z is 1767323045 seconds after 1970 (`date -d ... +%s`).
    static let finished = Dictionary(uniqueKeysWithValues: Fixture.records.map { ($0.spec.id, "2026-01-02T03:04:05Z") })

    static func files(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("events.out.tfevents.expt") }.sorted()
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func everyRunHasAFileTimedFromItsStoredEnd() throws {
        let temporary = try TemporaryFolder("tensorboard")
        defer { temporary.remove() }
        try Self.log.rebuild(records: Fixture.records, finished: Self.finished, in: temporary.path)
        #expect(Self.files(in: temporary.file("tensorboard")) == [
            "adam/seed-0/events.out.tfevents.expt", "adam/seed-1/events.out.tfevents.expt", "events.out.tfevents.expt",
            "sgd/seed-0/events.out.tfevents.expt", "sgd/seed-1/events.out.tfevents.expt",
        ])
        // sgd seed 0 took 1.75 s: it started at 1767323043.25, its epochs ended 0.5, 1 and 1.5 s later.
        let sgd0 = try #require(eventFileRecords(try Self.bytes(temporary.file("tensorboard/sgd/seed-0/events.out.tfevents.expt"))))
        #expect(sgd0.map { wallTime(ofEvent: $0) } == [1_767_323_043.25, 1_767_323_043.25, 1_767_323_043.75, 1_767_323_044.25,
                                                        1_767_323_044.75, 1_767_323_045])
        // The log's own file: at the earliest start, that of adam seed 1 (3 s).
        let own = try #require(eventFileRecords(try Self.bytes(temporary.file("tensorboard/events.out.tfevents.expt"))))
        #expect(own.map { wallTime(ofEvent: $0) } == [1_767_323_042, 1_767_323_042])
    }

    @Test func aRebuildGivesTheSameBytesAndLeavesNothingElse() throws {
        let temporary = try TemporaryFolder("tensorboard")
        defer { temporary.remove() }
        try Self.log.rebuild(records: Fixture.records, finished: Self.finished, in: temporary.path)
        let names = Self.files(in: temporary.file("tensorboard"))
        let first = try names.map { try Self.bytes(temporary.file("tensorboard/" + $0)) }
        try temporary.write("stale", to: "tensorboard/gone/events.out.tfevents.old")

        try Self.log.rebuild(records: Fixture.records, finished: Self.finished, in: temporary.path)
        #expect(try names.map { try Self.bytes(temporary.file("tensorboard/" + $0)) } == first)
        #expect(!FileManager.default.fileExists(atPath: temporary.file("tensorboard/gone")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == ["tensorboard"])
    }

    @Test func aResultsFolderThatIsAFileIsReported() throws {
        let temporary = try TemporaryFolder("tensorboard")
        defer { temporary.remove() }
        let blocked = try temporary.write("a file", to: "blocked")
        let error = #expect(throws: AtomicWrite.Failure.self) {
            try Self.log.rebuild(records: Fixture.records, finished: Self.finished, in: blocked)
        }
        #expect(error?.description == "cannot write \(blocked)/.tensorboard-new/sgd/seed-0: create the folder: \(blocked) is a file, not a folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == ["blocked"])
    }
}
