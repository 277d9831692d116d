import ArgumentParser
import ExptManifest
import ExptReport
import ExptRunner
import Foundation

extension Expt {
    /// `expt run FILE`: trains every run and writes the results folder.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train every run a manifest declares and write the comparison.",
            discussion: """
                Writes summary.csv, metrics.csv, report.md and manifest.yaml into OUT/<experiment>/. \
                Progress goes to standard error, one line per finished run.
                """)

        @Argument(help: "The manifest file.")
        var manifest: String

        @Option(name: .long, help: "The folder that receives <experiment>/.")
        var out: String = "results"

        @Flag(name: .long, help: "Print no progress lines.")
        var quiet = false

        /// The command line that reproduces these results from the repository's root.
        var reproducingCommand: String {
            "swift run -c release expt run \(manifest)" + (out == "results" ? "" : " --out \(out)")
        }

        func run() throws {
            let experiment = try loadManifest(manifest)
            // Every data file is read in full before any training, so a corrupt one stops here.
            let data = DataCache()
            do {
                try data.preload(experiment)
            } catch {
                printError("error: \(error)")
                throw ExitStatus.runtimeError
            }
            let records = ExperimentRunner().run(experiment, data: data) { index, total, record in
                if !quiet { printError(progressLine(index: index, total: total, record: record, compare: experiment.compare)) }
            }
            let directory = (out as NSString).appendingPathComponent(experiment.name)
            let context = ReportContext.current(exptVersion: ExptVersion.current, command: reproducingCommand, jobs: 1)
            let report = Report(experiment: experiment, records: records, context: context)
            do {
                try report.write(to: directory)
            } catch {
                printError("error: cannot write the results into \(directory): \(error)")
                throw ExitStatus.runtimeError
            }
            print((directory as NSString).appendingPathComponent("report.md"))
            let incomplete = records.filter { $0.status != .complete }.count
            if incomplete > 0 {
                printError("\(incomplete) of \(records.count) runs did not complete; see the report")
                throw ExitStatus.someRunsDidNotComplete
            }
        }
    }
}

/// One line per finished run: its position, name, seed, status, compared metric and time.
func progressLine(index: Int, total: Int, record: RunRecord, compare: Comparison) -> String {
    let width = String(total).count
    let position = String(repeating: " ", count: width - String(index).count) + "\(index)/\(total)"
    let run = "\(record.spec.variant) seed \(record.spec.seed)"
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
    }
}
