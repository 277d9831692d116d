import ExptManifest
import ExptOptim

/// The schedules the end-to-end tests write, in the form of the enum the kinds replaced:
/// `ScheduleConfig(kind: .cosine(tMax: 40, etaMin: 0))`.
extension ScheduleConfig.Kind {
    static func cosine(tMax: Int?, etaMin: Double) -> Self {
        var settings = CosineAnnealing.Settings()
        settings.tMax = tMax
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
