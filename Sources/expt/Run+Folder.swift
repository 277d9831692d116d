import ExptManifest
import ExptReport
import ExptStore
import Foundation

extension Expt.Run {
    /// The results folder of `experiment` under `--out`, created and locked (shared by the
    /// shards of one batch, exclusive otherwise), with the manifest, the record of its data
    /// files and the report's context written before any training, so that `expt report` can
    /// rebuild an interrupted batch.
    ///
    /// The context (command, machine, jobs) is that of the batch that trains runs: when every
    /// declared run is already stored and `--force` is not given, nothing is trained and the
    /// stored context stays, so that the folder, report included, is left byte for byte as it
    /// was. Returns the context the report is to state.
    func prepareFolder(
        for experiment: Experiment, context: ReportContext, data: RecordedData, sharedLock: Bool
    ) throws -> (folder: ResultsFolder, lock: FolderLock, context: ReportContext) {
        let folder = try storeStep { () throws(StoreError) in try ResultsFolder(out: out, experimentName: experiment.name) }
        return try storeStep { () throws(StoreError) in
            try folder.create()
            let lock = try FolderLock(folder: folder.path, wait: wait, shared: sharedLock)
            try folder.write(experiment.sourceText, to: "manifest.yaml")
            try keepInitialWeights(of: experiment, in: folder)
            try folder.write(data.json, to: RecordedData.fileName)
            if !force, folder.results(for: experiment).unfinishedCount == 0, let stored = ReportContext.stored(in: folder) {
                return (folder, lock, stored)
            }
            try context.save(in: folder)
            return (folder, lock, context)
        }
    }

    /// The progress display for this command's options and terminal.
    func progressDisplay(for experiment: Experiment) -> ProgressDisplay {
        ProgressDisplay(
            mode: ProgressDisplay.mode(quiet: quiet, environment: ProcessInfo.processInfo.environment,
                                       standardErrorIsTerminal: isatty(STDERR_FILENO) == 1),
            compare: experiment.compare)
    }

    /// The live TensorBoard log when `--tensorboard` or the manifest's `report: {tensorboard: true}` asks for it.
    func liveTensorBoard(for experiment: Experiment, data: RecordedData, folder: ResultsFolder) -> LiveTensorBoard? {
        tensorboard || experiment.report.tensorboard ? LiveTensorBoard(experiment: experiment, data: data, folder: folder) : nil
    }
}
