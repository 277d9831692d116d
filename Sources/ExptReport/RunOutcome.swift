import ExptManifest
import ExptStore

/// What the report reads from one run: its last epoch, the best epoch of the compared
/// metric, and whether it counts in the means over seeds.
struct RunOutcome {
    let record: RunRecord
    /// The last recorded epoch, or nil for a run that recorded none.
    let final: EpochMetrics?
    /// The best value of the compared metric by its goal and the (1-based) epoch it was
    /// reached at, the first on ties; nil when no epoch recorded the metric.
    let best: (epoch: Int, value: Double)?

    init(_ record: RunRecord, comparing compare: Comparison) {
        self.record = record
        final = record.epochs.last
        let values = record.epochs.map { $0.value(of: compare.metric) ?? .nan }
        best = Statistics.best(values, by: compare.goal).map { (record.epochs[$0.index].epoch, $0.value) }
    }

    /// The last epoch's value of `metric`.
    func finalValue(of metric: Metric) -> Double? {
        final?.value(of: metric)
    }

    /// Optimizer steps taken: the step a diverged or interrupted run stopped at, else the last epoch's count.
    var steps: Int? {
        if case .diverged(let step) = record.status { return step }
        if case .interrupted(let step) = record.status { return step }
        return final?.step
    }

    /// Whether the run counts in the means over seeds: it trained every epoch and recorded them.
    var isIncluded: Bool {
        record.status == .complete && final != nil
    }

    /// Why the run is left out of the means, in a few words; nil when it is included.
    var exclusionReason: String? {
        // A 2D test function records every few steps, and its "epochs" are steps.
        let completed = if record.spec.config.data.dataset.isTestFunction {
            "after \(final?.step ?? 0) of \(record.spec.config.train.epochs) steps"
        } else {
            "after \(record.epochs.count) of \(record.spec.config.train.epochs) epochs"
        }
        switch record.status {
        case .complete: return final == nil ? "recorded no epochs" : nil
        case .diverged(let step): return "diverged at step \(step), \(completed)"
        case .failed(let reason): return "failed \(completed): \(reason)"
        case .interrupted(let step): return "interrupted at step \(step), \(completed)"
        }
    }
}
