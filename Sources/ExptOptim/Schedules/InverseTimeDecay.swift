import ExptConfig

/// Inverse-time decay, as Keras's `InverseTimeDecay` and optax's `inverse_time_decay` (with one
/// tick per decay step): lr(t) = base / (1 + decayRate · t). Torch has no such scheduler.
public struct InverseTimeDecay: Schedule {
    public let baseLearningRate: Double
    public let decayRate: Double

    public init(baseLearningRate: Double, decayRate: Double) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(decayRate >= 0 && decayRate.isFinite, "decay_rate", "non-negative", decayRate)
        self.baseLearningRate = baseLearningRate
        self.decayRate = decayRate
    }

    public func learningRate(at t: Int) -> Double {
        baseLearningRate / (1 + decayRate * Double(t))
    }
}

extension InverseTimeDecay {
    /// `inverse_time` in a manifest: `decay_rate` (required).
    public struct Settings: ScheduleKind {
        public static let name = "inverse_time"
        public static let storedName = "inverseTime"
        public static let summary = "base / (1 + decay_rate · t), as Keras and optax."
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("decay_rate", .requiredNumber(\.decayRate, .nonNegative), "How fast the rate falls.")]
        }

        public var decayRate: Double?

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try InverseTimeDecay(baseLearningRate: baseLearningRate, decayRate: try ScheduleError.required(decayRate, "decay_rate")))
        }
    }
}
