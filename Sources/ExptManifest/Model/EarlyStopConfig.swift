/// `train.early_stop`: ends a run once `metric` has gone `patience` epochs without improving
/// by more than `minDelta` (in the metric's own direction: losses fall, accuracies rise).
///
/// An epoch improves when its value `v` beats the best so far `b`: `v < b − minDelta` for a
/// loss, `v > b + minDelta` for an accuracy; the first epoch always improves. With
/// `restoreBest`, the weights of the best epoch are put back before the test set is measured.
/// It changes what a run records, so it is part of the run's settings and id (omitted from
/// them when not set).
public struct EarlyStopConfig: Sendable, Equatable, Codable {
    /// The recorded metric watched after every epoch.
    public var metric: Metric
    /// Epochs without an improvement after which the run ends.
    public var patience: Int
    /// How much better than the best so far counts as an improvement.
    public var minDelta: Double
    /// Whether the best epoch's weights are restored at the end.
    public var restoreBest: Bool

    public init(metric: Metric = .validationLoss, patience: Int, minDelta: Double = 0, restoreBest: Bool = false) {
        self.metric = metric
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBest = restoreBest
    }
}
