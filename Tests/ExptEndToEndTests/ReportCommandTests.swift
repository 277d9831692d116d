import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing
import ExptTestSupport

/// `expt report DIR`, and the guards of the results folder seen through the command line.
@Suite struct ReportCommandTests {
    static let reportFiles = ["summary.csv", "metrics.csv", "report.md", "report.html"]

    @Test func reportRewritesTheFilesOfRunByteForByte() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let written = try Self.reportFiles.map(fixture.read)
        for name in Self.reportFiles { try FileManager.default.removeItem(atPath: fixture.folder.file(name)) }

        let code = try runExpt(["report", fixture.folder.path])
        // The stored runs, when the report fails: what it saw (for a failure seen once under load).
        #expect(code == 0, "expt report exited with \(code); runs: \(fixture.folder.results(for: fixture.experiment).records.map(\.status))")
        #expect(try Self.reportFiles.map(fixture.read) == written)
        // The date is the time the last run ended, as status.json records it.
        guard case .stored(_, let finished) = fixture.folder.runs.load(fixture.experiment.runs[3]) else {
            Issue.record("the last run is not stored")
            return
        }
        #expect(try fixture.read("report.md").contains("- **Date:** \(finished)\n"))
    }

    /// The recorded manifest carries the `--set` overrides, so `expt report` finds the same runs.
    @Test func reportAppliesTheRecordedOverridesAgain() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["--set", "train.epochs=2", "--set", "seeds=[0]"]) == 0)
        let written = try Self.reportFiles.map(fixture.read)
        #expect(try fixture.read("manifest.yaml").hasPrefix("""
            # expt read this manifest with these overrides (pass them again to reproduce):
            #   --set train.epochs=2
            #   --set seeds=[0]

            """))
        #expect(try runExpt(["report", fixture.folder.path]) == 0)
        #expect(try Self.reportFiles.map(fixture.read) == written)
        #expect(try fixture.read("summary.csv").split(separator: "\n").count == 1 + 2)
    }

    @Test func reportListsTheDeclaredRunsThatHaveNoResult() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        try FileManager.default.removeItem(atPath: fixture.runFolder(1))
        try FileManager.default.removeItem(atPath: fixture.runFolder(3) + "/metrics.csv")

        #expect(try runExpt(["report", fixture.folder.path]) == 4)
        let report = try fixture.read("report.md")
        #expect(report.contains("""
            ## Runs not trained yet

            2 of 4 declared runs have no result; `expt run` with the same manifest trains them and keeps the others.

            - **sgd**, seed 1
            - **adam**, seed 1

            """))
        #expect(report.contains("| sgd | ") && report.contains(" | 1 of 2 |"))
        #expect(CSVTable(try fixture.read("summary.csv")).rows.map { "\($0["variant"]!) \($0["seed"]!)" } == ["sgd 0", "adam 0"])
    }

    @Test func reportRefusesAFolderThatExptDidNotWrite() throws {
        let temporary = try TemporaryFolder("end-to-end")
        defer { temporary.remove() }
        #expect(try runExpt(["report", temporary.path]) == 1)
        #expect(try runExpt(["report", temporary.path + "/nothing"]) == 1)
    }

    @Test func aFolderHeldByAnotherProcessIsRefused() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let lock = try FolderLock(folder: fixture.folder.path, wait: false)
        defer { lock.release() }
        let report = try fixture.read("report.md")
        #expect(try fixture.run(["--force"]) == 75)
        #expect(try runExpt(["report", fixture.folder.path]) == 75)
        #expect(try fixture.read("report.md") == report)
    }

    @Test func aFolderOfAnotherLayoutIsNotTouched() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        try "expt results layout 2\n".write(toFile: fixture.folder.file("layout"), atomically: true, encoding: .utf8)
        let report = try fixture.read("report.md")
        #expect(try fixture.run() == 1)
        #expect(try runExpt(["report", fixture.folder.path]) == 1)
        #expect(try fixture.read("report.md") == report)
    }

    /// Names that would lead out of the results folder, as an experiment's and a variant's
    /// name: the manifest refuses each, and nothing is written.
    @Test(arguments: ["\"../escape\"", "\"/etc/x\"", "\"a/b\"", "\"..\"", "\".\"", "\"bell\\a\"", "\"nul\\0x\"", "\"dir\\\\x\""])
    func unsafeNamesAreRefusedByTheManifest(name: String) throws {
        let temporary = try TemporaryFolder("end-to-end")
        defer { temporary.remove() }
        for manifest in [storeManifest.replacingOccurrences(of: "name: tiny", with: "name: \(name)"),
                         storeManifest.replacingOccurrences(of: "  adam:\n", with: "  \(name):\n")] {
            let path = try temporary.write(manifest, to: "unsafe.yaml")
            #expect(throws: ManifestError.self) { try ManifestLoader.load(path: path) }
            do {
                _ = try ManifestLoader.load(path: path)
            } catch let error as ManifestError {
                #expect(error.diagnostics.count == 1)
                #expect(error.diagnostics.first?.message.hasPrefix("expected a") == true)
                #expect(error.diagnostics.first?.message.contains("made of letters, digits, '-', '_' and '.', not starting with '.', found") == true)
            }
            #expect(try runExpt(["run", path, "--out", temporary.path + "/results", "--quiet"]) == 2)
            #expect(!FileManager.default.fileExists(atPath: temporary.path + "/results"))
        }
    }
}

/// `expt report` on the folder of a manifest that extends another finds the same runs,
/// from the copy of the base recorded in manifest.yaml, wherever the base file now is.
@Suite struct ReportOfExtendedManifestTests {
    @Test func reportRebuildsFromTheRecordedBase() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let base = storeManifest.replacingOccurrences(of: "name: tiny\n", with: "")
        _ = try folder.write(base, to: "base.yaml")
        let manifest = try folder.write("extends: base.yaml\nname: tiny\nseeds: [3]\n", to: "tiny.yaml")
        let out = folder.path + "/results"
        #expect(try runExpt(["run", manifest, "--out", out, "--quiet"]) == 0)
        let written = try String(contentsOfFile: out + "/tiny/summary.csv", encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder.path + "/base.yaml")

        #expect(try runExpt(["report", out + "/tiny"]) == 0)
        #expect(try String(contentsOfFile: out + "/tiny/summary.csv", encoding: .utf8) == written)
        #expect(written.split(separator: "\n").count == 1 + 2)
    }
}
