import ExptConfig

/// The base learning rate at every tick.
public struct ConstantSchedule: Schedule {
    public let baseLearningRate: Double

    public init(baseLearningRate: Double) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        self.baseLearningRate = baseLearningRate
    }

    public func learningRate(at t: Int) -> Double {
        baseLearningRate
    }
}

extension ConstantSchedule {
    /// `constant` in a manifest: no settings.
    public struct Settings: ScheduleKind {
        public static let name = "constant"
        public static let summary = "The optimizer's lr throughout."
        public static var settings: [Hyperparameter<Self>] { [] }

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try ConstantSchedule(baseLearningRate: baseLearningRate))
        }
    }
}
