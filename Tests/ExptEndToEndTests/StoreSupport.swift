import ArgumentParser
import ExptManifest
import ExptRunner
import ExptStore
import Foundation

@testable import expt
import ExptTestSupport

/// Runs `expt` in this process with `arguments` and returns the exit code it ends with.
func runExpt(_ arguments: [String]) throws -> Int32 {
    var command = try Expt.parseAsRoot(arguments)
    do {
        try command.run()
        return 0
    } catch let exit as ExitCode {
        return exit.rawValue
    }
}

/// Two variants, two seeds, small enough to train in well under a second in a debug build;
/// Tests/slurm/run.sh shards the same experiment (with a third variant) on a Slurm cluster.
let storeManifest = FixtureFile.text("Tests/manifests/tiny.yaml")

/// A temporary folder with a manifest and a results folder for it.
struct StoreFixture {
    let temporary: TemporaryFolder
    let manifestPath: String
    let out: String
    let experiment: Experiment

    init(manifest: String = storeManifest) throws {
        temporary = try TemporaryFolder("end-to-end")
        manifestPath = try temporary.write(manifest, to: "tiny.yaml")
        out = (temporary.path as NSString).appendingPathComponent("results")
        experiment = try ManifestLoader.decode(text: manifest, path: manifestPath)
    }

    var folder: ResultsFolder {
        ResultsFolder(path: (out as NSString).appendingPathComponent(experiment.name))
    }

    /// `expt run` of the manifest into `out`, quietly.
    func run(_ extra: [String] = []) throws -> Int32 {
        try runExpt(["run", manifestPath, "--out", out, "--quiet"] + extra)
    }

    /// The built `expt` executable (beside the test bundle) set up, not started, to run the
    /// manifest into `out` quietly with `extra` arguments, its output discarded.
    func process(_ extra: [String] = []) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("expt")
        process.arguments = ["run", manifestPath, "--out", out, "--quiet"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// The run folder of the `index`-th declared run.
    func runFolder(_ index: Int) -> String {
        folder.runs.folder(of: experiment.runs[index])
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: folder.file(name), encoding: .utf8)
    }

    /// The inode of a run's status.json: a rewrite (through a rename) gives a new one.
    func statusInode(_ index: Int) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: runFolder(index) + "/status.json")
        return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    func remove() {
        temporary.remove()
    }
}

/// The report's text without what differs between two trainings of the same runs: the
/// header's date and the wall-clock seconds column of the comparison table.
func reportWithoutTimes(_ report: String) -> String {
    var secondsColumn: Int?
    return report.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line.hasPrefix("- **Date:**") { return "- **Date:** (masked)" }
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if let index = cells.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "seconds" }) {
            secondsColumn = index
        } else if let column = secondsColumn, cells.count > column, !line.contains("---") {
            cells[column] = " (masked) "
        }
        if !line.hasPrefix("|") { secondsColumn = nil }
        return cells.joined(separator: "|")
    }.joined(separator: "\n")
}

/// A CSV text without its `seconds` rows (metrics.csv) or column (summary.csv).
func withoutSeconds(_ csv: String) -> String {
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard let column = lines.first?.firstIndex(of: "seconds") else {
        return lines.filter { !$0.contains("seconds") }.map { $0.joined(separator: ",") }.joined(separator: "\n")
    }
    return lines.map { cells in cells.enumerated().filter { $0.offset != column }.map(\.element).joined(separator: ",") }
        .joined(separator: "\n")
}
