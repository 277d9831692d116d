import ExptManifest
import ExptReport
import ExptRunner
import Foundation

extension Expt.Run {
    /// The results folder of `experiment` under `--out`, created and locked (shared by the
    /// shards of one batch, exclusive otherwise), with the manifest and the report's context
    /// written before any training, so that `expt report` can rebuild an interrupted batch.
    func prepareFolder(
        for experiment: Experiment, context: ReportContext, sharedLock: Bool
    ) throws -> (folder: ResultsFolder, lock: FolderLock) {
        let folder = try storeStep { () throws(StoreError) in try ResultsFolder(out: out, experimentName: experiment.name) }
        let lock = try storeStep { () throws(StoreError) in
            try folder.create()
            let lock = try FolderLock(folder: folder.path, wait: wait, shared: sharedLock)
            try folder.write(experiment.sourceText, to: "manifest.yaml")
            try context.save(in: folder)
            return lock
        }
        return (folder, lock)
    }

    /// The progress display for this command's options and terminal.
    func progressDisplay(for experiment: Experiment) -> ProgressDisplay {
        ProgressDisplay(
            mode: ProgressDisplay.mode(quiet: quiet, environment: ProcessInfo.processInfo.environment,
                                       standardErrorIsTerminal: isatty(STDERR_FILENO) == 1),
            compare: experiment.compare)
    }
}
