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
