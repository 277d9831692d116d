import ArgumentParser
import ExptManifest
import ExptReport
import ExptRunner
import ExptStore
import Foundation

extension Expt {
    /// `expt run FILE`: trains the runs not yet stored and writes the results folder.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train every run a manifest declares and write the comparison.",
            discussion: """
                Writes summary.csv, metrics.csv, report.md and manifest.yaml into OUT/<experiment>/, \
                and each run into OUT/<experiment>/runs/<run-id>/ as it ends. Runs already stored \
                there with the same settings are reused, not trained again (unless --force). \
                SIGINT or SIGTERM stops the run in flight and writes the report of the runs so far. \
                Progress goes to standard error, one line per finished run.
                """)

        @Argument(help: "The manifest file.")
        var manifest: String

        @Option(name: .long, help: "The folder that receives <experiment>/.")
        var out: String = "results"

        @Flag(name: .long, help: "Print only the final summary and errors, no progress.")
        var quiet = false

        @Flag(name: .long, help: "Stop after the first run that diverges or fails (the report of the runs so far is written).")
        var failFast = false

        @Option(name: .long, help: "Train up to N runs at the same time (never more than the cores allow for the runs' threads).")
        var jobs = 1

        @Flag(name: .long, help: "Train every run again, even those already stored.")
        var force = false

        @Flag(name: .long, help: "Wait for another expt process using the results folder, instead of refusing.")
        var wait = false

        @Flag(name: .long, help: "Write TensorBoard event files into OUT/<experiment>/tensorboard/ as the runs train (as report: {tensorboard: true} does).")
        var tensorboard = false

        @OptionGroup var settings: OverrideOptions

        @Option(name: .long, help: ArgumentHelp(
            "Train only shard I of N (numbered from 0), balanced by expected cost; auto/N or auto reads the index (and count) from Slurm, Kubernetes or EXPT_SHARD_INDEX/EXPT_SHARD_COUNT.",
            valueName: "I/N"))
        var shard: String?

        /// The command line that reproduces these results from the working directory, the program
        /// as it was invoked (see ``InvokedProgram``).
        var reproducingCommand: String {
            reproducingCommand(program: InvokedProgram.current)
        }

        /// The command line that reproduces these results with `program` as the program.
        func reproducingCommand(program: String) -> String {
            "\(program) run \(manifest)" + (out == "results" ? "" : " --out \(out)") + settings.commandLine
        }

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("expected --jobs of at least 1, found \(jobs)") }
        }

        func run() throws {
            if let shard { return try runShard(shard) }
            let experiment = try loadManifest(manifest, overrides: settings.overrides)
            let (data, recordedData) = try checkedData(for: experiment)
            let workers = ExperimentRunner.concurrency(jobs: jobs, runs: experiment.runs)
            let current = ReportContext.current(exptVersion: ExptVersion.current, command: reproducingCommand, jobs: workers)
            let (folder, lock, context) = try prepareFolder(for: experiment, context: current, data: recordedData, sharedLock: false)
            defer { lock.release() }
            StopSignal.install()
            let display = progressDisplay(for: experiment)
            let live = liveTensorBoard(for: experiment, data: recordedData, folder: folder)
            let summary = try storeStep { () throws(StoreError) in
                try ExperimentRunner().run(
                    experiment, into: folder, force: force, data: data, jobs: jobs, failFast: failFast,
                    shouldStop: { StopSignal.isRequested },
                    notice: { printError("note: \($0)") },
                    planned: { display.planned($0, workers: workers) },
                    started: { display.started(index: $0, total: $1, spec: $2); live?.started($2) },
                    epochEnded: { display.epochEnded($1, of: $0); live?.epochEnded($1, of: $0) },
                    progress: { display.finished(index: $0, total: $1, record: $2); live?.finished($2) })
            }
            let (results, report) = try writeReport(experiment, in: folder, context: context, data: recordedData,
                                                    tensorboard: live != nil)
            printError(batchSummary(results: results, batch: summary))
            if summary.stopped, let signal = StopSignal.received {
                printError("stopped by signal \(signal); the finished runs are stored, and `expt run` again continues")
                throw ExitStatus.stopped(by: signal)
            }
            if summary.failedFast {
                printError("stopped after the first run that diverged or failed (--fail-fast); `expt run` again trains the rest")
                throw ExitStatus.someRunsDidNotComplete
            }
            let status = exitStatus(for: results, report: report)
            if status != .success { throw status }
        }
    }
}

/// The closing line of `expt run`: how many declared runs ended how, and how many of them
/// this batch trained or found stored.
func batchSummary(results: StoredResults, batch: ExperimentRunner.BatchSummary) -> String {
    let records = results.records
    var parts = ["\(records.filter { $0.status == .complete }.count) complete"]
    let diverged = records.filter { if case .diverged = $0.status { true } else { false } }.count
    let failed = records.filter { if case .failed = $0.status { true } else { false } }.count
    if diverged > 0 { parts.append("\(diverged) diverged") }
    if failed > 0 { parts.append("\(failed) failed") }
    let interrupted = records.filter(\.status.isInterrupted).count
    if interrupted > 0 { parts.append("\(interrupted) interrupted") }
    if !results.missing.isEmpty { parts.append("\(results.missing.count) without a result") }
    let total = records.count + results.missing.count
    return "\(total) run\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
        + " (trained \(batch.trained), reused \(batch.reused))"
}

/// One line per finished run: its position, name, seed, status, compared metric and time.
func progressLine(index: Int, total: Int, record: RunRecord, compare: Comparison) -> String {
    let width = String(total).count
    let position = String(repeating: " ", count: width - String(index).count) + "\(index)/\(total)"
    let run = record.spec.label
    let time = String(format: "%.2fs", record.seconds)
    switch record.status {
    case .complete:
        let value = record.epochs.last.flatMap { $0.value(of: compare.metric) }
        let shown = value.map { String(format: "%.4f", $0) } ?? "n/a"
        return "[\(position)] \(run): \(compare.metric.rawValue) \(shown) (\(time))"
    case .diverged(let step):
        return "[\(position)] \(run): diverged at step \(step) (\(time))"
    case .failed(let reason):
        return "[\(position)] \(run): failed: \(reason)"
    case .interrupted(let step):
        return "[\(position)] \(run): interrupted at step \(step) (\(time))"
    }
}
