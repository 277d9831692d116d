import ExptConfig
import Foundation

/// `torch.optim.lr_scheduler.MultiStepLR`: the rate is multiplied by `gamma` at each milestone,
///
///     lr(t) = base · gamma^(number of milestones ≤ t)
///
/// Milestones are strictly increasing here (torch counts a repeated milestone twice).
public struct MultiStepDecay: Schedule {
    public let baseLearningRate: Double
    public let milestones: [Int]
    public let gamma: Double

    public init(baseLearningRate: Double, milestones: [Int], gamma: Double = 0.1) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(!milestones.isEmpty, "milestones", "non-empty", milestones)
        try ScheduleError.check(milestones[0] > 0, "milestones", "positive", milestones)
        try ScheduleError.check(zip(milestones, milestones.dropFirst()).allSatisfy { $0 < $1 }, "milestones", "strictly increasing", milestones)
        try ScheduleError.check(gamma > 0 && gamma.isFinite, "gamma", "positive", gamma)
        self.baseLearningRate = baseLearningRate
        self.milestones = milestones
        self.gamma = gamma
    }

    public func learningRate(at t: Int) -> Double {
        let passed = milestones.prefix { $0 <= t }.count
        return baseLearningRate * pow(gamma, Double(passed))
    }
}

extension MultiStepDecay {
    /// `multistep` in a manifest: `milestones` (required) and `gamma`.
    public struct Settings: ScheduleKind {
        public static let name = "multistep"
        public static let summary = "Multiplied by gamma at each milestone (MultiStepLR)."
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("milestones", .milestones(\.milestones), "The ticks at which the rate decays."),
             .decayFactor(.number(\.gamma, .positive))]
        }

        public var milestones: [Int]?
        public var gamma = 0.1

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try MultiStepDecay(baseLearningRate: baseLearningRate, milestones: try ScheduleError.required(milestones, "milestones"), gamma: gamma))
        }
    }
}
