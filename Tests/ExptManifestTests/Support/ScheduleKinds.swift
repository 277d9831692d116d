import ExptManifest
import ExptOptim

/// The built-in schedules as the tests write them, in the form of the enum the kinds replaced:
/// `ScheduleConfig(kind: .cosine(tMax: 40, etaMin: 0))`.
extension ScheduleConfig.Kind {
    static let constant = Self(ConstantSchedule.Settings())

    static func step(stepSize: Int, gamma: Double) -> Self {
        var settings = StepDecay.Settings()
        settings.stepSize = stepSize
        settings.gamma = gamma
        return Self(settings)
    }

    static func multistep(milestones: [Int], gamma: Double) -> Self {
        var settings = MultiStepDecay.Settings()
        settings.milestones = milestones
        settings.gamma = gamma
        return Self(settings)
    }

    static func exponential(gamma: Double) -> Self {
        var settings = ExponentialDecay.Settings()
        settings.gamma = gamma
        return Self(settings)
    }

    static func inverseTime(decayRate: Double) -> Self {
        var settings = InverseTimeDecay.Settings()
        settings.decayRate = decayRate
        return Self(settings)
    }

    static func polynomial(totalIterations: Int?, power: Double, endLearningRate: Double) -> Self {
        var settings = PolynomialDecay.Settings()
        settings.totalIterations = totalIterations
        settings.power = power
        settings.endLearningRate = endLearningRate
        return Self(settings)
    }

    static func cosine(tMax: Int?, etaMin: Double) -> Self {
        var settings = CosineAnnealing.Settings()
        settings.tMax = tMax
        settings.etaMin = etaMin
        return Self(settings)
    }

    static func cosineRestarts(t0: Int, tMult: Int, etaMin: Double) -> Self {
        var settings = CosineAnnealingWarmRestarts.Settings()
        settings.t0 = t0
        settings.tMult = tMult
        settings.etaMin = etaMin
        return Self(settings)
    }

    static func oneCycle(maxLearningRate: Double, pctStart: Double, anneal: OneCycle.Anneal, divFactor: Double,
                         finalDivFactor: Double) -> Self {
        var settings = OneCycle.Settings()
        settings.maxLearningRate = maxLearningRate
        settings.pctStart = pctStart
        settings.anneal = anneal
        settings.divFactor = divFactor
        settings.finalDivFactor = finalDivFactor
        return Self(settings)
    }

    static func plateau(_ settings: PlateauSettings) -> Self {
        Self(settings)
    }
}
