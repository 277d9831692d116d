/// The metric that ranks the variants, and whether higher or lower is better.
public struct Comparison: Sendable, Equatable {
    public var metric: Metric
    public var goal: Goal
    /// A value of `metric` to reach: the report gives the epochs, steps and seconds each run
    /// took to reach it; nil for none.
    public var target: Double?
    /// Which epoch's value of `metric` picks a variant's hyperparameters in a sweep.
    public var selection: Selection

    public init(metric: Metric, goal: Goal? = nil, target: Double? = nil, selection: Selection = .final) {
        self.metric = metric
        self.goal = goal ?? metric.naturalGoal
        self.target = target
        self.selection = selection
    }
}

/// Which value of a run's metric counts when sweep points are compared.
public enum Selection: String, CaseIterable, Sendable {
    /// The last epoch's value.
    case final
    /// The best value over the epochs, by the goal.
    case best
}

/// A metric recorded every epoch.
public enum Metric: String, CaseIterable, Sendable, Codable {
    case trainLoss = "train_loss"
    case validationLoss = "val_loss"
    case validationAccuracy = "val_accuracy"
    /// The loss on the whole training set in evaluation mode after the epoch (`train.evaluate_train`).
    case trainEvaluationLoss = "train_eval_loss"
    /// The share of training examples classified correctly, in evaluation mode after the epoch
    /// (`train.evaluate_train`, classification only), on the labels trained on (noisy ones included).
    case trainAccuracy = "train_accuracy"

    /// Losses are minimised, accuracies maximised.
    public var naturalGoal: Goal {
        isAccuracy ? .maximize : .minimize
    }

    /// Whether the metric is a share of examples classified correctly (classification only).
    public var isAccuracy: Bool {
        self == .validationAccuracy || self == .trainAccuracy
    }

    /// Whether the metric is measured on the whole training set, recorded only with `train.evaluate_train`.
    public var needsTrainingEvaluation: Bool {
        self == .trainEvaluationLoss || self == .trainAccuracy
    }
}

/// The direction in which a metric improves.
public enum Goal: String, CaseIterable, Sendable, Codable {
    case maximize = "max"
    case minimize = "min"
}
