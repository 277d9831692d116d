import ExptStore
import Foundation
import ExptManifest

/// The pending runs of a batch, handed out in order to the workers that train them, and what
/// they have done so far. Everything is read and written under one lock, and the progress
/// callbacks run under it too, so that they never overlap however many workers there are.
final class RunQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let pending: [RunSpec]
    private var next = 0
    private var finished = false
    private(set) var summary: ExperimentRunner.BatchSummary
    private(set) var failure: StoreError?

    init(pending: [RunSpec], summary: ExperimentRunner.BatchSummary) {
        self.pending = pending
        self.summary = summary
    }

    /// The next run to train and its 0-based position, after telling `started`; nil once the
    /// queue is empty or the batch ends (stopped, failed fast, or a run could not be stored).
    func take(
        shouldStop: () -> Bool, started: (_ index: Int, _ total: Int, _ spec: RunSpec) -> Void
    ) -> (Int, RunSpec)? {
        serially {
            guard !finished, next < pending.count else { return nil }
            if shouldStop() {
                summary.stopped = true
                finished = true
                return nil
            }
            let index = next
            next += 1
            started(index + 1, pending.count, pending[index])
            return (index, pending[index])
        }
    }

    /// Records a stored run, tells `progress`, and ends the batch after an interrupted run, or
    /// after one that diverged or failed when `failFast` is set.
    func finish(
        _ record: RunRecord, at index: Int, failFast: Bool,
        progress: (_ index: Int, _ total: Int, _ record: RunRecord) -> Void
    ) {
        serially {
            summary.trained += 1
            progress(index + 1, pending.count, record)
            if failFast, record.status.isDivergedOrFailed {
                summary.failedFast = true
                finished = true
            }
            if record.status.isInterrupted {
                summary.stopped = true
                finished = true
            }
        }
    }

    /// The runs never handed out: all of them after a batch that ended early, none otherwise.
    var untaken: ArraySlice<RunSpec> {
        serially { pending[next...] }
    }

    /// Ends the batch: a run could not be stored.
    func fail(_ error: StoreError) {
        serially {
            failure = failure ?? error
            finished = true
        }
    }

    /// Runs `body` while no other worker touches the queue or calls back.
    func serially<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
