import ExptConfig
import Foundation

/// `torch.optim.lr_scheduler.StepLR`: the rate is multiplied by `gamma` every `stepSize` ticks,
///
///     lr(t) = base · gamma^⌊t / stepSize⌋
public struct StepDecay: Schedule {
    public let baseLearningRate: Double
    public let stepSize: Int
    public let gamma: Double

    public init(baseLearningRate: Double, stepSize: Int, gamma: Double = 0.1) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(stepSize > 0, "step_size", "positive", stepSize)
        try ScheduleError.check(gamma > 0 && gamma.isFinite, "gamma", "positive", gamma)
        self.baseLearningRate = baseLearningRate
        self.stepSize = stepSize
        self.gamma = gamma
    }

    public func learningRate(at t: Int) -> Double {
        baseLearningRate * pow(gamma, Double(t / stepSize))
    }
}

extension StepDecay {
    /// `step` in a manifest: `step_size` (required) and `gamma`.
    public struct Settings: ScheduleKind {
        public static let name = "step"
        public static let summary = "Multiplied by gamma every step_size ticks (StepLR)."
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("step_size", .requiredInteger(\.stepSize, ScheduleInterval.tickRange), "Ticks between two decays."),
             .decayFactor(.number(\.gamma, .positive))]
        }

        public var stepSize: Int?
        public var gamma = 0.1

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try StepDecay(baseLearningRate: baseLearningRate, stepSize: try ScheduleError.required(stepSize, "step_size"), gamma: gamma))
        }
    }
}
