import ExptConfig
import Foundation

/// Polynomial decay from the base rate to `endLearningRate` over `totalIterations` ticks, then
/// constant:
///
///     lr(t) = (base − end) · (1 − min(t, total) / total)^power + end
///
/// With `end` = 0 this is `torch.optim.lr_scheduler.PolynomialLR`; `end` is optax's
/// `polynomial_schedule(end_value:)`.
public struct PolynomialDecay: Schedule {
    public let baseLearningRate: Double
    public let totalIterations: Int
    public let power: Double
    public let endLearningRate: Double

    public init(baseLearningRate: Double, totalIterations: Int, power: Double = 1, endLearningRate: Double = 0) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(totalIterations > 0, "total_iters", "positive", totalIterations)
        try ScheduleError.check(power > 0 && power.isFinite, "power", "positive", power)
        try ScheduleError.check(endLearningRate >= 0 && endLearningRate.isFinite, "end_lr", "non-negative", endLearningRate)
        self.baseLearningRate = baseLearningRate
        self.totalIterations = totalIterations
        self.power = power
        self.endLearningRate = endLearningRate
    }

    public func learningRate(at t: Int) -> Double {
        let remaining = 1 - Double(min(t, totalIterations)) / Double(totalIterations)
        return (baseLearningRate - endLearningRate) * pow(remaining, power) + endLearningRate
    }
}

extension PolynomialDecay {
    /// `polynomial` in a manifest: `total_iters` (the run's length), `power` and `end_lr`.
    public struct Settings: ScheduleKind {
        public static let name = "polynomial"
        public static let summary = "From base to end_lr along a power of the time left (PolynomialLR)."
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("total_iters", .runLength(\.totalIterations), "Ticks to reach end_lr."),
             Hyperparameter("power", .number(\.power, .positive), "Power of the decay."),
             Hyperparameter("end_lr", .number(\.endLearningRate, .nonNegative), "The final rate.")]
        }

        /// nil: the run's ticks after the warm-up.
        public var totalIterations: Int?
        public var power = 1.0
        public var endLearningRate = 0.0

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try PolynomialDecay(baseLearningRate: baseLearningRate, totalIterations: totalIterations ?? length,
                                            power: power, endLearningRate: endLearningRate))
        }
    }
}
