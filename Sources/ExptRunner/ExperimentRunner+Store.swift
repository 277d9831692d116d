import ExptManifest

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
    /// With `failFast`, the batch ends after the first run that diverges or fails.
    /// Runs with the same data settings share one load of their data through `data` (see
    /// ``DataCache/preload(_:)`` to read every file before any training).
    public func run(
        _ experiment: Experiment, into folder: ResultsFolder, force: Bool = false,
        data: DataCache = DataCache(),
        failFast: Bool = false,
        shouldStop: () -> Bool = { false },
        notice: (String) -> Void = { _ in },
        started: (_ index: Int, _ total: Int, _ spec: RunSpec) -> Void = { _, _, _ in },
        epochEnded: (_ spec: RunSpec, _ metrics: EpochMetrics) -> Void = { _, _ in },
        progress: (_ index: Int, _ total: Int, _ record: RunRecord) -> Void = { _, _, _ in }
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
        for (index, spec) in pending.enumerated() {
            if shouldStop() {
                summary.stopped = true
                break
            }
            started(index + 1, pending.count, spec)
            let record = executor.run(spec, data: data, shouldStop: shouldStop) { epochEnded(spec, $0) }
            try store.save(record)
            summary.trained += 1
            progress(index + 1, pending.count, record)
            if failFast, record.status.isDivergedOrFailed {
                summary.failedFast = true
                break
            }
            if case .interrupted = record.status {
                summary.stopped = true
                break
            }
        }
        return summary
    }
}
