import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing

/// `expt plan`, `expt run --shard`, and merging shards with `expt report`.
@Suite(.serialized) struct ShardTests {
    /// The report files of a folder with the wall-clock times masked (see `withoutSeconds` and
    /// `reportWithoutTimes`): everything else must match byte for byte.
    static func reportFiles(_ folder: ResultsFolder) throws -> [String] {
        let read = { (name: String) in try String(contentsOfFile: folder.file(name), encoding: .utf8) }
        return [withoutSeconds(try read("summary.csv")), withoutSeconds(try read("metrics.csv")),
                reportWithoutTimes(try read("report.md")), try read("charts/val_accuracy.svg")]
    }

    /// `expt report` on the fixture's folder of merged shards exits with 0 and writes the report
    /// files of the single run, `single`.
    static func expectTheSingleRunsReport(_ fixture: StoreFixture, _ single: ResultsFolder,
                                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try runExpt(["report", fixture.folder.path]) == 0, sourceLocation: sourceLocation)
        #expect(try reportFiles(fixture.folder) == reportFiles(single), sourceLocation: sourceLocation)
    }

    /// Trains the manifest in one process, then moves its results folder aside to `single/`,
    /// for comparison with shards run with the same command line (which the report names).
    static func singleRun(_ fixture: StoreFixture) throws -> ResultsFolder {
        #expect(try fixture.run() == 0)
        let out = (fixture.temporary.path as NSString).appendingPathComponent("single")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let single = try ResultsFolder(out: out, experimentName: fixture.experiment.name)
        try FileManager.default.moveItem(atPath: fixture.folder.path, toPath: single.path)
        return single
    }

    /// Every shard one after another on one folder: the last shard writes the report, and it is
    /// the single run's, times masked; `expt report` then writes the same bytes again.
    @Test(arguments: [1, 3, 4, 6])
    func shardsOnOneFolderGiveTheSingleRunsReport(count: Int) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let single = try Self.singleRun(fixture)
        let lastWithRuns = ShardPlan(runs: fixture.experiment.runs, count: count).shards.max()!
        for index in 0..<count {
            #expect(try fixture.run(["--shard", "\(index)/\(count)"]) == 0)
            #expect(FileManager.default.fileExists(atPath: fixture.folder.file("summary.csv")) == (index >= lastWithRuns))
        }
        let summary = try fixture.read("summary.csv")
        #expect(try Self.reportFiles(fixture.folder) == Self.reportFiles(single))
        #expect(try runExpt(["report", fixture.folder.path]) == 0)
        #expect(try fixture.read("summary.csv") == summary)
    }

    /// Each shard on its own machine (the same command line, but its own disk), then the run
    /// folders copied into one folder, as `rsync` or a CI artifact download would: `expt report`
    /// gives the single run's report.
    @Test func shardsCopiedTogetherGiveTheSingleRunsReport() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let single = try Self.singleRun(fixture)
        let manager = FileManager.default
        var machines: [ResultsFolder] = []
        for index in 0..<3 {
            #expect(try fixture.run(["--shard", "\(index)/3"]) == 0)
            let machine = (fixture.temporary.path as NSString).appendingPathComponent("machine\(index)")
            try manager.moveItem(atPath: fixture.folder.path, toPath: machine)
            machines.append(ResultsFolder(path: machine))
        }
        try manager.createDirectory(atPath: fixture.folder.file("runs"), withIntermediateDirectories: true)
        for name in ["layout", "manifest.yaml", "context.json"] {
            try manager.copyItem(atPath: machines[0].file(name), toPath: fixture.folder.file(name))
        }
        for machine in machines {
            for id in machine.runs.storedIDs() {
                try manager.copyItem(atPath: machine.file("runs/\(id)"), toPath: fixture.folder.file("runs/\(id)"))
            }
        }
        try Self.expectTheSingleRunsReport(fixture, single)
    }

    /// With one shard of two run, `expt report` writes the report of half the runs, lists the
    /// other shard's runs as not trained yet, and exits with 4.
    @Test func aMissingShardIsListedByReport() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["--shard", "1/2"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.file("report.md")))
        #expect(try runExpt(["report", fixture.folder.path]) == 4)
        let plan = ShardPlan(runs: fixture.experiment.runs, count: 2)
        let missing = plan.runs(of: 0).map { fixture.experiment.runs[$0] }
        let lines = missing.map { "- **\($0.variant)**, seed \($0.seed)\n" }.joined()
        #expect(try fixture.read("report.md").contains(
            "## Runs not trained yet\n\n2 of 4 declared runs have no result; `expt run` with the same manifest trains them and keeps the others.\n\n"
            + lines))
        let stored = Set(fixture.folder.runs.storedIDs())
        #expect(stored == Set(plan.runs(of: 1).map { fixture.experiment.runs[$0].id }))
    }

    /// A shard holds the folder shared: it trains beside another shard, but not while a plain
    /// `expt run` (or `expt report`) holds the folder, and it skips a run another process is training.
    @Test func shardsShareTheFolderButNotARun() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let single = try Self.singleRun(fixture)
        try fixture.folder.create()
        let exclusive = try FolderLock(folder: fixture.folder.path, wait: false)
        #expect(try fixture.run(["--shard", "0/1"]) == 75)
        exclusive.release()

        let otherShard = try FolderLock(folder: fixture.folder.path, wait: false, shared: true)
        try FileManager.default.createDirectory(atPath: fixture.folder.file("runs"), withIntermediateDirectories: true)
        let held = fixture.experiment.runs[2]
        let training = try FolderLock(folder: fixture.folder.file("runs"), wait: false, name: ".\(held.id).lock")
        #expect(try fixture.run(["--shard", "0/1"]) == 0)
        #expect(fixture.folder.runs.load(held) == .absent)
        #expect(fixture.folder.results(for: fixture.experiment).missing == [held])
        #expect(throws: StoreError.self) { try FolderLock(folder: fixture.folder.path, wait: false) }
        training.release()
        otherShard.release()

        #expect(try fixture.run(["--shard", "0/1"]) == 0)
        #expect(fixture.folder.results(for: fixture.experiment).missing.isEmpty)
        #expect(try Self.reportFiles(fixture.folder) == Self.reportFiles(single))
    }

    /// The built `expt`, five processes at once on one folder: shards 0, 1 and 2 of 3, shard 1
    /// again, and a whole batch as a single shard. Every run is stored once, complete, and the
    /// report equals the single run's.
    @Test func concurrentShardProcessesOnOneFolder() throws {
        let fixture = try StoreFixture(manifest: storeManifest.replacingOccurrences(of: "seeds: [0, 1]", with: "seeds: [0, 1, 2, 3]"))
        defer { fixture.remove() }
        let single = try Self.singleRun(fixture)
        let processes = ["0/3", "1/3", "2/3", "1/3", "0/1"].map { fixture.process(["--wait", "--shard", $0]) }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0, 0])
        let results = fixture.folder.results(for: fixture.experiment)
        #expect(results.missing.isEmpty && results.records.count == 8)
        #expect(results.records.allSatisfy { $0.status == .complete })
        try Self.expectTheSingleRunsReport(fixture, single)
    }

    @Test func aBadShardIsACommandLineError() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["--shard", "2/2"]) == 64)
        #expect(try fixture.run(["--shard", "two"]) == 64)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.path))
    }
}
