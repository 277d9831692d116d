import ExptConfig
import Foundation

/// `torch.optim.lr_scheduler.CosineAnnealingLR` (its closed form):
///
///     lr(t) = etaMin + (base − etaMin) · (1 + cos(π t / tMax)) / 2
///
/// As in torch, the curve is not clamped: after `tMax` ticks it rises again (period 2 tMax),
/// so `tMax` is normally the run's length in ticks.
public struct CosineAnnealing: Schedule {
    public let baseLearningRate: Double
    public let tMax: Int
    public let etaMin: Double

    public init(baseLearningRate: Double, tMax: Int, etaMin: Double = 0) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(tMax > 0, "t_max", "positive", tMax)
        try ScheduleError.check(etaMin >= 0 && etaMin.isFinite, "eta_min", "non-negative", etaMin)
        self.baseLearningRate = baseLearningRate
        self.tMax = tMax
        self.etaMin = etaMin
    }

    public func learningRate(at t: Int) -> Double {
        etaMin + (baseLearningRate - etaMin) * (1 + cos(Double.pi * Double(t) / Double(tMax))) / 2
    }
}

extension CosineAnnealing {
    /// `cosine` in a manifest: `t_max` (the run's length) and `eta_min`.
    public struct Settings: ScheduleKind {
        public static let name = "cosine"
        public static let summary = "Half a cosine from base down to eta_min (CosineAnnealingLR)."
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("t_max", .runLength(\.tMax), "Ticks of the half cosine (after it the rate rises again, as in torch)."),
             .etaMin(\.etaMin)]
        }

        /// nil: the run's ticks after the warm-up.
        public var tMax: Int?
        public var etaMin = 0.0

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try CosineAnnealing(baseLearningRate: baseLearningRate, tMax: tMax ?? length, etaMin: etaMin))
        }
    }
}
