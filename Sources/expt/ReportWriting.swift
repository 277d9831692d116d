import ArgumentParser
import ExptData
import ExptManifest
import ExptReport
import ExptStore
import Foundation

/// Writes summary.csv, metrics.csv and report.md from the runs stored in `folder` for the runs
/// `experiment` declares, prints the report's path, and says on standard error which declared
/// runs are missing and which stored runs the manifest no longer declares.
///
/// The header's date is the time the latest stored run ended, so writing the report again
/// from the same store gives the same bytes. With `tensorboard`, it also rewrites the folder's
/// TensorBoard log (`tensorboard/`) from the stored runs; without, it leaves any such folder alone.
func writeReport(
    _ experiment: Experiment, in folder: ResultsFolder, context: ReportContext, data: RecordedData, tensorboard: Bool = false
) throws -> (results: StoredResults, report: Report) {
    let results = folder.results(for: experiment)
    var context = context
    context.date = results.latestFinish ?? ISO8601DateFormatter().string(from: Date())
    let report = Report(experiment: experiment, records: results.records, context: context, missing: results.missing,
                        surface: surface(of: experiment), data: data, pairs: folder.pairLandscapes(for: experiment))
    do {
        try report.write(to: folder.path)
    } catch {
        printError("error: cannot write the results into \(folder.path): \(error)")
        throw ExitStatus.runtimeError
    }
    if tensorboard {
        do throws(AtomicWrite.Failure) {
            try TensorBoardLog(experiment: experiment, data: data).rebuild(records: results.records, finished: results.finished, in: folder.path)
        } catch {
            printError("error: cannot write the TensorBoard log into \(folder.path): \(error)")
            throw ExitStatus.runtimeError
        }
    }
    FileHandle.standardOutput.write(Data((folder.file("report.md") + "\n").utf8))
    do {
        try StepSummary.append(report, environment: ProcessInfo.processInfo.environment)
    } catch {
        printError("warning: cannot append to GITHUB_STEP_SUMMARY: \(error)")
    }
    if !results.undeclared.isEmpty {
        let count = results.undeclared.count
        printError("note: \(folder.runs.directory) holds \(count) run\(count == 1 ? "" : "s") that the manifest does not declare; kept, but left out of the report")
    }
    if !results.missing.isEmpty {
        let names = results.missing.map(\.label).joined(separator: ", ")
        printError("\(results.missing.count) of \(experiment.runs.count) declared runs have no result: \(names)")
    }
    return (results, report)
}

/// The 2D test function an experiment optimises, for the contours under the trajectories;
/// nil when its first variant trains on data.
func surface(of experiment: Experiment) -> SurfaceFunction? {
    guard let settings = experiment.variants.first?.config.data.dataset.kind as? FunctionSettings else { return nil }
    return { x, y in settings.function.value(x: x, y: y, conditionNumber: settings.conditionNumber) }
}

/// The exit code for a report written from `results`: some runs missing or interrupted (4),
/// else some diverged or failed (3), else some `expect:` assertion failed (5), else success.
func exitStatus(for results: StoredResults, report: Report) -> ExitCode {
    if results.unfinishedCount > 0 { return ExitStatus.someRunsAreMissing }
    let incomplete = results.records.filter { $0.status != .complete }.count
    if incomplete > 0 {
        printError("\(incomplete) of \(results.records.count) runs did not complete; see the report")
        return ExitStatus.someRunsDidNotComplete
    }
    let failed = report.expectationResults().filter { !$0.passed }
    for result in failed {
        printError("expectation failed: \(result.expectation)")
    }
    return failed.isEmpty ? .success : ExitStatus.expectationsFailed
}
