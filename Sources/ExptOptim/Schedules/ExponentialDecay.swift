import ExptConfig
import Foundation

/// `torch.optim.lr_scheduler.ExponentialLR`: lr(t) = base · gammaᵗ.
public struct ExponentialDecay: Schedule {
    public let baseLearningRate: Double
    public let gamma: Double

    public init(baseLearningRate: Double, gamma: Double) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(gamma > 0 && gamma.isFinite, "gamma", "positive", gamma)
        self.baseLearningRate = baseLearningRate
        self.gamma = gamma
    }

    public func learningRate(at t: Int) -> Double {
        baseLearningRate * pow(gamma, Double(t))
    }
}

extension ExponentialDecay {
    /// `exponential` in a manifest: `gamma` (required).
    public struct Settings: ScheduleKind {
        public static let name = "exponential"
        public static let summary = "Multiplied by gamma every tick (ExponentialLR)."
        public static var settings: [Hyperparameter<Self>] { [.decayFactor(.requiredNumber(\.gamma, .positive))] }

        public var gamma: Double?

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try ExponentialDecay(baseLearningRate: baseLearningRate, gamma: try ScheduleError.required(gamma, "gamma")))
        }
    }
}
