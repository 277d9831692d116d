import ExptManifest
import ExptStore

extension ExperimentRunner {
    /// What one shard of a batch did.
    public struct ShardSummary: Sendable, Equatable {
        /// The shard's runs whose stored result was reused.
        public var reused = 0
        /// The shard's runs trained (and stored) by this process, the interrupted one included.
        public var trained: [RunRecord] = []
        /// The shard's runs left alone because another process was training them.
        public var busy: [RunSpec] = []
        /// Whether the shard stopped early because `shouldStop` returned true.
        public var stopped = false

        public init() {}
    }

    /// Trains the runs of `shard` (by ``ShardPlan``) that `folder` does not hold finished.
    ///
    /// Shards of one batch may share the folder at once: each run is trained under its own lock,
    /// `runs/.<id>.lock`, taken without waiting; a run that another process holds is skipped
    /// (`busy`), and one that another process stored in the meantime is reused. Otherwise as
    /// ``run(_:into:force:shouldStop:notice:progress:)``.
    public func run(
        _ experiment: Experiment, shard: Shard, into folder: ResultsFolder, force: Bool = false,
        data: DataCache = DataCache(),
        shouldStop: () -> Bool = { false },
        notice: (String) -> Void = { _ in },
        started: (_ index: Int, _ total: Int, _ spec: RunSpec) -> Void = { _, _, _ in },
        epochEnded: (_ spec: RunSpec, _ metrics: EpochMetrics) -> Void = { _, _ in },
        progress: (_ index: Int, _ total: Int, _ record: RunRecord) -> Void = { _, _, _ in }
    ) throws(StoreError) -> ShardSummary {
        let runs = experiment.runs
        let mine = ShardPlan(runs: runs, count: shard.count).runs(of: shard.index).map { runs[$0] }.groupedByData()
        let store = folder.runs
        try StoreFile.makeDirectory(store.directory)
        var summary = ShardSummary()
        data.expect(mine)
        var released = 0
        defer { data.release(mine[released...]) }
        for (index, spec) in mine.enumerated() {
            if shouldStop() {
                summary.stopped = true
                break
            }
            defer {
                data.release([spec])
                released = index + 1
            }
            let lock: FolderLock
            do {
                lock = try FolderLock(folder: store.directory, wait: false, name: ".\(spec.id).lock")
            } catch where error.isBusy {
                summary.busy.append(spec)
                continue
            }
            defer { lock.release() }
            switch force ? .absent : store.load(spec) {
            case .stored(let record, _) where !record.status.isInterrupted:
                summary.reused += 1
                continue
            case .unusable(let reason):
                notice("run \(spec.id) (\(spec.variant), seed \(spec.seed)) is trained again: \(reason)")
            default:
                break
            }
            started(index + 1, mine.count, spec)
            let record = executor.run(spec, data: data, shouldStop: shouldStop) { epochEnded(spec, $0) }
            try store.save(record)
            summary.trained.append(record)
            progress(index + 1, mine.count, record)
            if case .interrupted = record.status {
                summary.stopped = true
                break
            }
        }
        return summary
    }
}
