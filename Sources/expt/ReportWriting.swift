import ArgumentParser
import ExptManifest
import ExptReport
import ExptRunner
import Foundation

/// Writes summary.csv, metrics.csv and report.md from the runs stored in `folder` for the runs
/// `experiment` declares, prints the report's path, and says on standard error which declared
/// runs are missing and which stored runs the manifest no longer declares.
///
/// The header's date is the time the latest stored run ended, so writing the report again
/// from the same store gives the same bytes.
func writeReport(_ experiment: Experiment, in folder: ResultsFolder, context: ReportContext) throws -> StoredResults {
    let results = folder.results(for: experiment)
    var context = context
    context.date = results.latestFinish ?? ISO8601DateFormatter().string(from: Date())
    let report = Report(experiment: experiment, records: results.records, context: context, missing: results.missing)
    do {
        try report.write(to: folder.path)
    } catch {
        printError("error: cannot write the results into \(folder.path): \(error)")
        throw ExitStatus.runtimeError
    }
    print(folder.file("report.md"))
    if !results.undeclared.isEmpty {
        let count = results.undeclared.count
        printError("note: \(folder.runs.directory) holds \(count) run\(count == 1 ? "" : "s") that the manifest does not declare; kept, but left out of the report")
    }
    if !results.missing.isEmpty {
        let names = results.missing.map { "\($0.variant) seed \($0.seed)" }.joined(separator: ", ")
        printError("\(results.missing.count) of \(experiment.runs.count) declared runs have no result: \(names)")
    }
    return results
}

/// The exit code for a report written from `results`: some runs missing or interrupted (4),
/// else some diverged or failed (3), else success.
func exitStatus(for results: StoredResults) -> ExitCode {
    if results.unfinishedCount > 0 { return ExitStatus.someRunsAreMissing }
    let incomplete = results.records.filter { $0.status != .complete }.count
    if incomplete > 0 {
        printError("\(incomplete) of \(results.records.count) runs did not complete; see the report")
        return ExitStatus.someRunsDidNotComplete
    }
    return .success
}
