/// The metric that ranks the variants, and whether higher or lower is better.
public struct Comparison: Sendable, Equatable {
    public var metric: Metric
    public var goal: Goal

    public init(metric: Metric, goal: Goal? = nil) {
        self.metric = metric
        self.goal = goal ?? metric.naturalGoal
    }
}

/// A metric recorded every epoch.
public enum Metric: String, CaseIterable, Sendable, Codable {
    case trainLoss = "train_loss"
    case validationLoss = "val_loss"
    case validationAccuracy = "val_accuracy"

    /// Losses are minimised, accuracies maximised.
    public var naturalGoal: Goal {
        self == .validationAccuracy ? .maximize : .minimize
    }
}

/// The direction in which a metric improves.
public enum Goal: String, CaseIterable, Sendable, Codable {
    case maximize = "max"
    case minimize = "min"
}
