import ExptStore
import Foundation
import ExptManifest

/// The pending runs of a batch, handed out in order to the workers that train them, and what
/// they have done so far. Everything is read and written under one lock, and the progress
/// callbacks run under it too, so that they never overlap however many workers there are.
///
/// The runs in flight share the machine's cores: a run starts only when its `train.threads`
/// fit beside the threads of the runs in flight (their sum stays at most `cores`), or when no
/// run is in flight (a run that asks for more threads than there are cores trains alone). The
/// next run waits for the cores rather than letting a later, smaller one pass it.
final class RunQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let pending: [RunSpec]
    private let cores: Int
    private var next = 0
    private var threadsInFlight = 0
    private var finished = false
    private(set) var summary: ExperimentRunner.BatchSummary
    private(set) var failure: StoreError?

    init(pending: [RunSpec], summary: ExperimentRunner.BatchSummary, cores: Int) {
        self.pending = pending
        self.summary = summary
        self.cores = cores
    }

    /// The next run to train and its 0-based position, after telling `started`, once its threads
    /// fit in the cores; nil once the queue is empty or the batch ends (stopped, failed fast, or
    /// a run could not be stored).
    func take(
        shouldStop: () -> Bool, started: (_ index: Int, _ total: Int, _ spec: RunSpec) -> Void
    ) -> (Int, RunSpec)? {
        serially {
            while !finished, next < pending.count {
                if shouldStop() {
                    summary.stopped = true
                    finished = true
                    condition.broadcast()
                    return nil
                }
                let threads = pending[next].config.train.threads
                guard threadsInFlight == 0 || threadsInFlight + threads <= cores else {
                    condition.wait()
                    continue
                }
                let index = next
                next += 1
                threadsInFlight += threads
                started(index + 1, pending.count, pending[index])
                return (index, pending[index])
            }
            return nil
        }
    }

    /// Gives the cores of the run at `index` back, waking the workers that wait for them.
    private func release(_ index: Int) {
        threadsInFlight -= pending[index].config.train.threads
        condition.broadcast()
    }

    /// Records a stored run, tells `progress`, and ends the batch after an interrupted run, or
    /// after one that diverged or failed when `failFast` is set.
    func finish(
        _ record: RunRecord, at index: Int, failFast: Bool,
        progress: (_ index: Int, _ total: Int, _ record: RunRecord) -> Void
    ) {
        serially {
            release(index)
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

    /// Ends the batch: the run at `index` could not be stored.
    func fail(_ error: StoreError, at index: Int) {
        serially {
            release(index)
            failure = failure ?? error
            finished = true
        }
    }

    /// Runs `body` while no other worker touches the queue or calls back.
    func serially<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
