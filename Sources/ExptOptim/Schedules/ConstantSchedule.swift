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
