import ExptManifest
import ExptStore

/// The state of `train.early_stop` over a run: the best value of the watched metric so far, its
/// epoch, and how many epochs since then have not improved on it (see ``EarlyStopConfig``).
///
/// A value `v` improves on the best `b` when `v < b − minDelta` (a loss) or `v > b + minDelta`
/// (an accuracy); the first finite value always does, a missing or non-finite one never does.
/// The run ends after the epoch that makes `patience` epochs in a row without an improvement.
struct EarlyStopping: Codable, Equatable {
    let config: EarlyStopConfig
    private(set) var best: Double?
    private(set) var bestEpoch = 0
    private(set) var epochsWithoutImprovement = 0

    init(_ config: EarlyStopConfig) {
        self.config = config
    }

    /// Whether `metrics` would improve on the best so far (asked before ``observe(_:)``, while the
    /// weights that made them can still be copied).
    func improves(_ metrics: EpochMetrics) -> Bool {
        guard let value = metrics.value(of: config.metric), value.isFinite else { return false }
        guard let best else { return true }
        return config.metric.naturalGoal == .minimize ? value < best - config.minDelta : value > best + config.minDelta
    }

    /// Whether the run ends: `patience` epochs in a row have not improved.
    var shouldStop: Bool {
        epochsWithoutImprovement >= config.patience
    }

    /// Whether the run would end after `metrics`, without taking them in.
    func endsAfter(_ metrics: EpochMetrics) -> Bool {
        var next = self
        return next.observe(metrics)
    }

    /// Takes in a completed epoch's metrics; returns whether the run ends after it.
    mutating func observe(_ metrics: EpochMetrics) -> Bool {
        if improves(metrics) {
            best = metrics.value(of: config.metric)
            bestEpoch = metrics.epoch
            epochsWithoutImprovement = 0
        } else {
            epochsWithoutImprovement += 1
        }
        return shouldStop
    }
}
