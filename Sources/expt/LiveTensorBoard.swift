import ExptManifest
import ExptReport
import ExptStore
import Foundation

/// The TensorBoard event files of `expt run --tensorboard` (or `report: {tensorboard: true}`),
/// written while the runs train: each run's file is created when it starts, gets an event at
/// the end of every epoch (appended at once, so `tensorboard --logdir` shows the curves grow),
/// and its closing events when it is stored. Wall times are the clock's; the report that ends
/// the batch rewrites the folder from the stored runs (``TensorBoardLog/rebuild(records:finished:in:)``).
///
/// A file that cannot be written stops the live log with one warning; training goes on.
/// Not thread-safe by itself: the runner calls it one call at a time (see `RunQueue`).
final class LiveTensorBoard: @unchecked Sendable {
    private let log: TensorBoardLog
    private let directory: String
    private var files: [String: EventFile] = [:]
    private var stopped = false

    /// The live log of `experiment` in `tensorboard/` of the results folder `folder`.
    init(experiment: Experiment, data: RecordedData, folder: ResultsFolder) {
        log = TensorBoardLog(experiment: experiment, data: data)
        directory = folder.file(TensorBoardLog.folderName)
    }

    private var now: Double {
        Date().timeIntervalSince1970
    }

    func started(_ spec: RunSpec) {
        attempt { () throws(AtomicWrite.Failure) in
            let folder = (directory as NSString).appendingPathComponent(log.runFolder(of: spec))
            let file = try EventFile(path: (folder as NSString).appendingPathComponent(TensorBoardLog.eventFileName))
            files[spec.id] = file
            try file.append(log.opening(spec, wallTime: now))
        }
    }

    func epochEnded(_ metrics: EpochMetrics, of spec: RunSpec) {
        guard let file = files[spec.id] else { return }
        attempt { () throws(AtomicWrite.Failure) in try file.append([log.epoch(metrics, wallTime: now)]) }
    }

    func finished(_ record: RunRecord) {
        guard let file = files.removeValue(forKey: record.spec.id) else { return }
        attempt { () throws(AtomicWrite.Failure) in
            try file.append(log.closing(record, wallTime: now))
            try file.close()
        }
    }

    /// Runs `body` unless the log has stopped; a failure stops it, with a warning.
    private func attempt(_ body: () throws(AtomicWrite.Failure) -> Void) {
        guard !stopped else { return }
        do throws(AtomicWrite.Failure) {
            try body()
        } catch {
            stopped = true
            files = [:]
            printError("warning: \(error); TensorBoard events are no longer written while the runs train (training goes on)")
        }
    }
}
