import ExptData
import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing

/// `expt run` over a results folder that already holds runs: what it trains again, what it
/// keeps, and that the report is the one an uninterrupted batch writes.
@Suite struct ResumeTests {
    /// Ways a batch can stop part-way (a `kill -9` at some point, a crash mid-write), as the
    /// store is left by each, and the declared runs (by index) that must be trained again.
    static let killPoints: [(String, @Sendable (StoreFixture) throws -> Void, [Int])] = [
        ("before the first run ended", { fixture in
            for index in 0..<4 { try FileManager.default.removeItem(atPath: fixture.runFolder(index)) }
        }, [0, 1, 2, 3]),
        ("after two runs", { fixture in
            for index in 2..<4 { try FileManager.default.removeItem(atPath: fixture.runFolder(index)) }
        }, [2, 3]),
        ("after three runs", { fixture in try FileManager.default.removeItem(atPath: fixture.runFolder(3)) }, [3]),
        ("while writing config.json of the third run", { fixture in
            try FileManager.default.removeItem(atPath: fixture.runFolder(3))
            for name in ["metrics.csv", "trajectory.csv", "status.json"] { try? FileManager.default.removeItem(atPath: fixture.runFolder(2) + "/" + name) }
            try "{\n  \"con".write(toFile: fixture.runFolder(2) + "/.config.json.999.tmp", atomically: false, encoding: .utf8)
        }, [2, 3]),
        ("while writing metrics.csv of the second run", { fixture in
            for index in 2..<4 { try FileManager.default.removeItem(atPath: fixture.runFolder(index)) }
            try FileManager.default.removeItem(atPath: fixture.runFolder(1) + "/status.json")
            let metrics = try String(contentsOfFile: fixture.runFolder(1) + "/metrics.csv", encoding: .utf8)
            try String(metrics.prefix(50)).write(toFile: fixture.runFolder(1) + "/.metrics.csv.999.tmp", atomically: false, encoding: .utf8)
        }, [1, 2, 3]),
        ("before status.json of the last run", { fixture in
            try FileManager.default.removeItem(atPath: fixture.runFolder(3) + "/status.json")
        }, [3]),
    ]

    @Test(arguments: killPoints.indices)
    func aBatchKilledPartWayResumesWithTheMissingRunsAndTheSameReport(index: Int) throws {
        let (_, kill, retrained) = Self.killPoints[index]
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let uninterrupted = (summary: try fixture.read("summary.csv"), metrics: try fixture.read("metrics.csv"),
                             report: try fixture.read("report.md"))
        try kill(fixture)
        let kept = try (0..<4).filter { !retrained.contains($0) }.map { try fixture.statusInode($0) }

        let summary = try ExperimentRunner().run(fixture.experiment, into: fixture.folder)
        #expect(summary == ExperimentRunner.BatchSummary(reused: 4 - retrained.count, trained: retrained.count, stopped: false))
        #expect(try (0..<4).filter { !retrained.contains($0) }.map { try fixture.statusInode($0) } == kept)
        for index in 0..<4 {
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.runFolder(index)).sorted()
                    == ["config.json", "metrics.csv", "status.json"])
        }

        #expect(try fixture.run() == 0)
        #expect(withoutSeconds(try fixture.read("summary.csv")) == withoutSeconds(uninterrupted.summary))
        #expect(withoutSeconds(try fixture.read("metrics.csv")) == withoutSeconds(uninterrupted.metrics))
        #expect(reportWithoutTimes(try fixture.read("report.md")) == reportWithoutTimes(uninterrupted.report))
    }

    @Test func aSecondRunTrainsNothingAndWritesTheSameFiles() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let first = try ["summary.csv", "metrics.csv", "report.md"].map(fixture.read)
        let inodes = try (0..<4).map(fixture.statusInode)
        #expect(try fixture.run() == 0)
        #expect(try ["summary.csv", "metrics.csv", "report.md"].map(fixture.read) == first)
        #expect(try (0..<4).map(fixture.statusInode) == inodes)
    }

    @Test func forceTrainsEveryRunAgain() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        // Mark every stored status (its seconds set to -1, which no training gives): a run that
        // is trained again gets a new status.json, one that is reused keeps the mark. (Inode
        // numbers cannot tell: a file written after a rename may reuse the old one's number.)
        // The marked status is sealed again with its new checksum (the SHA-256 of its text
        // without the checksum line), so that it is read as stored.
        for index in 0..<4 {
            let path = fixture.runFolder(index) + "/status.json"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let marked = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \"checksum\" : ") }
                .map { $0.hasPrefix("  \"seconds\" : ") ? "  \"seconds\" : -1," : String($0) }
                .joined(separator: "\n")
            let sealed = "{\n  \"checksum\" : \"\(SHA256.hex(of: marked))\",\n" + marked.dropFirst(2)
            try sealed.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(fixture.folder.results(for: fixture.experiment).records.map(\.seconds) == [-1, -1, -1, -1])
        #expect(try fixture.run(["--force"]) == 0)
        #expect(fixture.folder.results(for: fixture.experiment).records.allSatisfy { $0.seconds >= 0 })
        #expect(try ExperimentRunner().run(fixture.experiment, into: fixture.folder, force: true)
                == ExperimentRunner.BatchSummary(reused: 0, trained: 4, stopped: false))
    }

    @Test func changingOneSettingRetrainsOnlyTheRunsItTouches() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let changed = storeManifest.replacingOccurrences(of: "{name: adam, lr: 0.01}", with: "{name: adam, lr: 0.02}")
        let experiment = try ManifestLoader.decode(text: changed, path: "tiny.yaml")
        #expect(try ExperimentRunner().run(experiment, into: fixture.folder)
                == ExperimentRunner.BatchSummary(reused: 2, trained: 2, stopped: false))
        // The old Adam runs stay on disk, but the new manifest's report leaves them out.
        let results = fixture.folder.results(for: experiment)
        #expect(results.undeclared == fixture.experiment.runs[2...].map(\.id).sorted())
        #expect(results.records.count == 4 && results.missing.isEmpty)
        #expect(fixture.folder.runs.storedIDs().count == 6)
    }

    @Test func divergedRunsAreStoredAndNotRetrained() throws {
        let fixture = try StoreFixture(manifest: storeManifest.replacingOccurrences(of: "lr: 0.1}", with: "lr: 1.0e+30}"))
        defer { fixture.remove() }
        #expect(try fixture.run() == 3)
        let status = try String(contentsOfFile: fixture.runFolder(0) + "/status.json", encoding: .utf8)
        #expect(status.contains("\"status\" : \"diverged\""))
        // The first step's loss is taken before any update, so it is finite; the update by
        // lr 1e30 makes the second one infinite.
        #expect(status.contains("\"step\" : 2\n"))
        #expect(try ExperimentRunner().run(fixture.experiment, into: fixture.folder)
                == ExperimentRunner.BatchSummary(reused: 4, trained: 0, stopped: false))
        #expect(try fixture.run() == 3)
        let report = try fixture.read("report.md")
        #expect(report.contains("- **sgd**, seed 0: diverged at step 2, after 0 of 3 epochs\n"))
        #expect(report.contains("| adam |"))
    }
}
