import ExptManifest

/// Trains every run of an experiment, one after another, and reports each as it ends.
///
/// Runs are independent: one that diverges or fails ends alone with its status, and the
/// others go on.
public struct ExperimentRunner: Sendable {
    private let executor = Executor()

    public init() {}

    /// Trains `experiment.runs` in order; `progress` is called after each run with its
    /// 1-based position, the number of runs and its record. Runs with the same data settings
    /// share one load of their data through `data` (see ``DataCache/preload(_:)`` to read
    /// every file before any training).
    public func run(
        _ experiment: Experiment,
        data: DataCache = DataCache(),
        progress: (_ index: Int, _ total: Int, _ record: RunRecord) -> Void = { _, _, _ in }
    ) -> [RunRecord] {
        let runs = experiment.runs
        var records: [RunRecord] = []
        records.reserveCapacity(runs.count)
        for (index, spec) in runs.enumerated() {
            let record = executor.run(spec, data: data)
            records.append(record)
            progress(index + 1, runs.count, record)
        }
        return records
    }
}
