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

        public init(reused: Int = 0, trained: Int = 0, stopped: Bool = false) {
            self.reused = reused
            self.trained = trained
            self.stopped = stopped
        }
    }

    /// Trains the runs of `experiment` that `folder` does not hold finished, storing each as it
    /// ends; with `force`, trains them all. Runs stored as interrupted, and folders that cannot
    /// be used (`notice` is told why), are trained again. `shouldStop` is checked between
    /// batches: when it returns true, the run in flight is stored as interrupted and the batch ends.
    /// Runs with the same data settings share one load of their data through `data` (see
    /// ``DataCache/preload(_:)`` to read every file before any training).
    public func run(
        _ experiment: Experiment, into folder: ResultsFolder, force: Bool = false,
        data: DataCache = DataCache(),
        shouldStop: () -> Bool = { false },
        notice: (String) -> Void = { _ in },
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
            let record = executor.run(spec, data: data, shouldStop: shouldStop)
            try store.save(record)
            summary.trained += 1
            progress(index + 1, pending.count, record)
            if case .interrupted = record.status {
                summary.stopped = true
                break
            }
        }
        return summary
    }
}
