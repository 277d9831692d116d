import ExptManifest
import ExptStore
import Foundation

extension ExperimentRunner {
    /// What a resumable batch did.
    public struct BatchSummary: Sendable, Equatable {
        /// Declared runs whose stored result was reused.
        public var reused = 0
        /// Runs trained (and stored) by this batch, the interrupted one included.
        public var trained = 0
        /// Whether the batch stopped early because `shouldStop` returned true.
        public var stopped = false
        /// Whether the batch stopped early at a run that diverged or failed (`failFast`).
        public var failedFast = false

        public init(reused: Int = 0, trained: Int = 0, stopped: Bool = false, failedFast: Bool = false) {
            self.reused = reused
            self.trained = trained
            self.stopped = stopped
            self.failedFast = failedFast
        }
    }

    /// Trains the runs of `experiment` that `folder` does not hold finished, storing each as it
    /// ends; with `force`, trains them all. Runs stored as interrupted, and folders that cannot
    /// be used (`notice` is told why), are trained again. `shouldStop` is checked between
    /// batches: when it returns true, the run in flight is stored as interrupted and the batch ends.
    /// A run with `train.checkpoint` resumes from its checkpoint (`runs/.checkpoint-<id>/`, see
    /// ``CheckpointStore``), unless `force`, and deletes it once stored as not interrupted.
    /// With `failFast`, the batch ends after the first run that diverges or fails. Up to `jobs`
    /// runs train at the same time (see ``concurrency(jobs:runs:cores:)``), their threads together
    /// within `cores` (the machine's unless a test says otherwise); each is stored as it ends.
    /// Runs with the same data settings share one load of their data through `data`, and train
    /// one after another (see `groupedByData()`), so `data` drops each setting after
    /// its last run and holds at most as many as runs train at once (``RecordedData/reading(_:)``
    /// reads every file before any training). After the batch (unless stopped), the lines between
    /// the final weights of `analysis.interpolate.between`'s pairs (``interpolatePairs``). `planned` is told
    /// the runs to train, in the order they will start, before the first starts.
    public func run(
        _ experiment: Experiment, into folder: ResultsFolder, force: Bool = false,
        data: DataCache = DataCache(),
        jobs: Int = 1,
        cores: Int = ProcessInfo.processInfo.activeProcessorCount,
        failFast: Bool = false,
        shouldStop: @Sendable () -> Bool = { false },
        notice: (String) -> Void = { _ in },
        planned: ([RunSpec]) -> Void = { _ in },
        started: @Sendable (_ index: Int, _ total: Int, _ spec: RunSpec) -> Void = { _, _, _ in },
        epochEnded: @Sendable (_ spec: RunSpec, _ metrics: EpochMetrics) -> Void = { _, _ in },
        progress: @Sendable (_ index: Int, _ total: Int, _ record: RunRecord) -> Void = { _, _, _ in }
    ) throws(StoreError) -> BatchSummary {
        let store = folder.runs
        var summary = BatchSummary()
        var pending: [RunSpec] = []
        for spec in experiment.runs {
            switch force ? .absent : store.load(spec) {
            case .stored(let record, _) where !record.status.isInterrupted:
                summary.reused += 1
            case .unusable(let reason):
                notice("run \(spec.id) (\(spec.variant), seed \(spec.seed)) is trained again: \(reason)")
                pending.append(spec)
            default:
                pending.append(spec)
            }
        }
        data.expect(pending)
        let order = pending.groupedByData()
        planned(order)
        let queue = RunQueue(pending: order, summary: summary, cores: cores)
        DispatchQueue.concurrentPerform(iterations: Self.concurrency(jobs: jobs, runs: pending, cores: cores)) { _ in
            while let (index, spec) = queue.take(shouldStop: shouldStop, started: started) {
                let checkpoints = CheckpointStore(runs: store, spec: spec)
                if force { checkpoints.remove() }
                let record = executor.run(spec, data: data, checkpoints: checkpoints, shouldStop: shouldStop) { metrics in
                    queue.serially { epochEnded(spec, metrics) }
                }
                data.release([spec])
                do throws(StoreError) {
                    try store.save(record)
                    // An interrupted run resumes from its checkpoint; any other has ended for good.
                    if !record.status.isInterrupted { checkpoints.remove() }
                } catch {
                    queue.fail(error, at: index)
                    return
                }
                // The weights are stored; the batch keeps only the metrics of each run in memory.
                var finished = record
                finished.weights = [:]
                queue.finish(finished, at: index, failFast: failFast, progress: progress)
            }
        }
        data.release(queue.untaken)
        if let failure = queue.failure { throw failure }
        summary = queue.summary
        if !summary.stopped {
            try interpolatePairs(experiment, in: folder, trained: Set(pending.map(\.id)), data: data, notice: notice)
        }
        return summary
    }

    /// How many runs can train at once for `--jobs jobs`: at most `jobs`, at most one per pending
    /// run, and no more than fit in the cores with the fewest threads any of them asks for
    /// (`cores / threads`, at least 1). Each run trains on threads of its own (its compute
    /// context), so runs with different `train.threads` train side by side; which ones do is the
    /// queue's choice (`RunQueue`): a run starts only when its threads fit beside those in flight.
    public static func concurrency(jobs: Int, runs: [RunSpec], cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        guard jobs > 1, let fewest = runs.map(\.config.train.threads).min() else { return 1 }
        return max(1, min(jobs, runs.count, cores / max(fewest, 1)))
    }
}
