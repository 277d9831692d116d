import ExptManifest
import ExptReport
import ExptStore
import ExptTestSupport
import Foundation
import Testing

@testable import expt

/// `expt run --tensorboard`, `report: {tensorboard: true}` and `expt report` with TensorBoard:
/// who writes `tensorboard/`, and that the report rewrites it byte for byte.
@Suite struct TensorBoardCommandTests {
    /// The event files under the results folder's `tensorboard/`, by path, with their bytes.
    static func eventFiles(_ fixture: StoreFixture) -> [String: Data] {
        let log = fixture.folder.file("tensorboard")
        let names = (FileManager.default.enumerator(atPath: log)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".expt") }
        return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: log + "/" + $0) ?? Data()) })
    }

    static let runFiles = ["adam/seed-0/events.out.tfevents.expt", "adam/seed-1/events.out.tfevents.expt", "events.out.tfevents.expt",
                           "sgd/seed-0/events.out.tfevents.expt", "sgd/seed-1/events.out.tfevents.expt"]

    @Test func aManifestThatDoesNotAskGetsNoLog() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        #expect(try runExpt(["report", fixture.folder.path]) == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.file("tensorboard")))
    }

    @Test func theFlagWritesTheLogAndTheReportRewritesItOnlyWhenAsked() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["--tensorboard"]) == 0)
        let written = Self.eventFiles(fixture)
        #expect(written.keys.sorted() == Self.runFiles)

        // The manifest does not ask for it: expt report leaves the folder as it finds it.
        try FileManager.default.removeItem(atPath: fixture.folder.file("tensorboard/sgd"))
        #expect(try runExpt(["report", fixture.folder.path]) == 0)
        #expect(Self.eventFiles(fixture).count == 3)

        #expect(try runExpt(["report", fixture.folder.path, "--tensorboard"]) == 0)
        #expect(Self.eventFiles(fixture) == written)
    }

    @Test func theManifestKeyWritesTheLogAndTheReportRebuildsIt() throws {
        let fixture = try StoreFixture(manifest: storeManifest + "report: {tensorboard: true}\n")
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let written = Self.eventFiles(fixture)
        #expect(written.keys.sorted() == Self.runFiles)
        try FileManager.default.removeItem(atPath: fixture.folder.file("tensorboard"))
        #expect(try runExpt(["report", fixture.folder.path]) == 0)
        #expect(Self.eventFiles(fixture) == written)
    }

    /// The live log appends each callback's events at once: the file's length after each is
    /// that of the events so far (a wall time is always 8 bytes, so any nonzero one gives it).
    @Test func theLiveLogAppendsAnEventAtEveryEpoch() throws {
        let temporary = try TemporaryFolder("tensorboard")
        defer { temporary.remove() }
        let experiment = try ManifestLoader.decode(text: storeManifest, path: "tiny.yaml")
        let folder = ResultsFolder(path: temporary.path)
        let live = LiveTensorBoard(experiment: experiment, data: RecordedData(datasets: []), folder: folder)
        let log = TensorBoardLog(experiment: experiment, data: RecordedData(datasets: []))
        let spec = experiment.runs[1]
        let file = temporary.file("tensorboard/sgd/seed-1/events.out.tfevents.expt")
        func length() -> Int { FileManager.default.contents(atPath: file)?.count ?? -1 }

        live.started(spec)
        let opening = log.opening(spec, wallTime: 1).flatMap(\.record).count
        #expect(length() == opening)
        let epoch = EpochMetrics(epoch: 1, step: 4, trainLoss: 0.5, validationLoss: 0.6, validationAccuracy: 0.75, learningRate: 0.1,
                                 elapsedSeconds: 0.25, gradientNormMean: 1, gradientNormMax: 2)
        live.epochEnded(epoch, of: spec)
        let epochLength = log.epoch(epoch, wallTime: 1).record.count
        #expect(length() == opening + epochLength)
        let record = RunRecord(spec: spec, status: .complete, epochs: [epoch], seconds: 0.3)
        live.finished(record)
        #expect(length() == opening + epochLength + log.closing(record, wallTime: 1).flatMap(\.record).count)
    }

    /// A log that cannot be written stops with a warning; the callbacks after it do nothing.
    @Test func aLiveLogThatCannotBeWrittenStops() throws {
        let temporary = try TemporaryFolder("tensorboard")
        defer { temporary.remove() }
        try temporary.write("a file where the log's folder goes", to: "tensorboard")
        let experiment = try ManifestLoader.decode(text: storeManifest, path: "tiny.yaml")
        let live = LiveTensorBoard(experiment: experiment, data: RecordedData(datasets: []), folder: ResultsFolder(path: temporary.path))
        live.started(experiment.runs[0])
        live.started(experiment.runs[1])
        live.finished(RunRecord(spec: experiment.runs[1], status: .complete, epochs: [], seconds: 0))
        #expect(try temporary.read("tensorboard") == "a file where the log's folder goes")
    }
}
