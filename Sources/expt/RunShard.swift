import ArgumentParser
import ExptReport
import ExptRunner
import ExptStore
import Foundation

extension Expt.Run {
    /// `expt run FILE --shard …`: trains the runs of one shard (see ``ShardPlan``) into the
    /// results folder, which other shards may share at the same time.
    ///
    /// The shards hold the folder's lock shared (a plain `expt run` or `expt report` holds it
    /// alone), and each run its own lock while it trains. A shard writes the report only when it
    /// finds every declared run stored (the last shard to end, on a shared folder); otherwise
    /// `expt report DIR` merges the shards' runs once they have all ended.
    func runShard(_ argument: String) throws {
        let shard: Shard
        do {
            shard = try ShardArgument(parsing: argument).resolve(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode.validationFailure
        }
        let experiment = try loadManifest(manifest, overrides: settings.overrides)
        let (data, recordedData) = try checkedData(for: experiment)
        let current = ReportContext.current(exptVersion: ExptVersion.current, command: reproducingCommand, jobs: 1)
        let (folder, lock, context) = try prepareFolder(for: experiment, context: current, data: recordedData, sharedLock: true)
        defer { lock.release() }
        StopSignal.install()
        let display = progressDisplay(for: experiment)
        let live = liveTensorBoard(for: experiment, data: recordedData, folder: folder)
        let summary = try storeStep { () throws(StoreError) in
            try ExperimentRunner().run(
                experiment, shard: shard, into: folder, force: force, data: data, shouldStop: { StopSignal.isRequested },
                notice: { printError("note: \($0)") },
                started: { display.started(index: $0, total: $1, spec: $2); live?.started($2) },
                epochEnded: { display.epochEnded($1, of: $0); live?.epochEnded($1, of: $0) },
                progress: { display.finished(index: $0, total: $1, record: $2); live?.finished($2) })
        }
        if !quiet {
            printError("shard \(shard): trained \(summary.trained.count), reused \(summary.reused)")
        }
        if !summary.busy.isEmpty {
            let names = summary.busy.map(\.label).joined(separator: ", ")
            printError("note: left to the other expt processes training them: \(names)")
        }
        let stored = folder.results(for: experiment)
        if stored.unfinishedCount == 0 {
            let reportLock = try storeStep { () throws(StoreError) in
                try FolderLock(folder: folder.path, wait: true, name: "report.lock")
            }
            defer { reportLock.release() }
            let (results, report) = try writeReport(experiment, in: folder, context: context, data: recordedData,
                                                    tensorboard: live != nil)
            let status = exitStatus(for: results, report: report)
            if status != .success { throw status }
            return
        }
        printError("shard \(shard): \(stored.unfinishedCount) of \(experiment.runs.count) declared runs are not stored yet; "
                   + "`expt report \(folder.path)` writes the report once every shard has ended")
        if summary.stopped, let signal = StopSignal.received {
            throw ExitStatus.stopped(by: signal)
        }
        if summary.trained.contains(where: { $0.status != .complete }) {
            throw ExitStatus.someRunsDidNotComplete
        }
    }
}
