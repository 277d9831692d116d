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
