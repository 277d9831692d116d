/// `torch.optim.lr_scheduler.ReduceLROnPlateau`: a stateful rule, fed a metric once per epoch,
/// that multiplies the rate by `factor` when the metric has not improved for more than
/// `patience` epochs, then waits `cooldown` epochs before counting again.
///
/// The state machine, as torch's `step(metrics)`:
///
///     better = value improves on best (see Threshold)    → best = value, bad = 0
///     otherwise                                          → bad += 1
///     in cooldown (cooldownLeft > 0)                     → cooldownLeft −= 1, bad = 0
///     bad > patience → lr = max(lr · factor, minLR) unless that changes lr by ≤ 1e-8;
///                      cooldownLeft = cooldown, bad = 0
public struct ReduceOnPlateau: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable, Codable {
        case min, max
    }

    /// How much better a value must be to count as an improvement.
    public enum ThresholdMode: String, Sendable, CaseIterable, Codable {
        /// min: value < best · (1 − threshold); max: value > best · (1 + threshold).
        case relative = "rel"
        /// min: value < best − threshold; max: value > best + threshold.
        case absolute = "abs"
    }

    /// What the rule is set with, with torch's defaults; the schedule kind of the manifest holds
    /// them beside the metric they watch.
    public struct Parameters: Sendable, Equatable, Codable {
        public var mode: Mode
        public var factor: Double
        public var patience: Int
        public var threshold: Double
        public var thresholdMode: ThresholdMode
        public var cooldown: Int
        public var minimumLearningRate: Double

        public init(mode: Mode = .min, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
                    thresholdMode: ThresholdMode = .relative, cooldown: Int = 0, minimumLearningRate: Double = 0) {
            self.mode = mode
            self.factor = factor
            self.patience = patience
            self.threshold = threshold
            self.thresholdMode = thresholdMode
            self.cooldown = cooldown
            self.minimumLearningRate = minimumLearningRate
        }
    }

    public let parameters: Parameters
    /// Changes of the rate smaller than this are skipped (torch's `eps`).
    public static let epsilon = 1e-8

    /// The rate to use now.
    public private(set) var learningRate: Double
    /// The best value seen so far (±infinity before the first).
    public private(set) var best: Double
    /// Epochs without improvement since the last improvement or reduction.
    public private(set) var badEpochs = 0
    /// Epochs of cooldown left.
    public private(set) var cooldownLeft = 0

    public init(baseLearningRate: Double, _ parameters: Parameters = Parameters()) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(parameters.factor > 0 && parameters.factor < 1, "factor", "in (0, 1)", parameters.factor)
        try ScheduleError.check(parameters.patience >= 0, "patience", "non-negative", parameters.patience)
        try ScheduleError.check(parameters.threshold >= 0 && parameters.threshold.isFinite, "threshold", "non-negative",
                                parameters.threshold)
        try ScheduleError.check(parameters.cooldown >= 0, "cooldown", "non-negative", parameters.cooldown)
        try ScheduleError.check(parameters.minimumLearningRate >= 0 && parameters.minimumLearningRate.isFinite, "min_lr",
                                "non-negative", parameters.minimumLearningRate)
        self.parameters = parameters
        learningRate = baseLearningRate
        best = parameters.mode == .min ? .infinity : -.infinity
    }

    /// Whether `value` improves on `best` by more than the threshold.
    public func isImprovement(_ value: Double) -> Bool {
        let threshold = parameters.threshold
        return switch (parameters.mode, parameters.thresholdMode) {
        case (.min, .relative): value < best * (1 - threshold)
        case (.min, .absolute): value < best - threshold
        case (.max, .relative): value > best * (1 + threshold)
        case (.max, .absolute): value > best + threshold
        }
    }

    /// Takes the metric of one epoch and updates the rate for the next.
    public mutating func observe(_ value: Double) {
        if isImprovement(value) {
            best = value
            badEpochs = 0
        } else {
            badEpochs += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badEpochs = 0
        }
        if badEpochs > parameters.patience {
            let reduced = max(learningRate * parameters.factor, parameters.minimumLearningRate)
            if learningRate - reduced > Self.epsilon { learningRate = reduced }
            cooldownLeft = parameters.cooldown
            badEpochs = 0
        }
    }

    /// What changes as the rule observes: the rate, the best value, the bad epochs and the
    /// cooldown left, as a checkpoint keeps them.
    public struct Progress: Sendable, Equatable, Codable {
        public var learningRate: Double
        public var best: Double
        public var badEpochs: Int
        public var cooldownLeft: Int
    }

    /// The rule's progress so far.
    public var progress: Progress {
        Progress(learningRate: learningRate, best: best, badEpochs: badEpochs, cooldownLeft: cooldownLeft)
    }

    /// Continues from `progress`, as saved from a rule with the same parameters.
    public mutating func resume(from progress: Progress) {
        learningRate = progress.learningRate
        best = progress.best
        badEpochs = progress.badEpochs
        cooldownLeft = progress.cooldownLeft
    }
}
