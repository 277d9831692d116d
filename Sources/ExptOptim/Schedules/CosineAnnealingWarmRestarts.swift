import ExptConfig
import Foundation

/// `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts` (SGDR, Loshchilov and Hutter, 2017):
/// cosine annealing from the base rate to `etaMin` over a cycle of `t0` ticks, restarting at the
/// base rate; each cycle is `tMult` times as long as the one before.
///
///     lr(t) = etaMin + (base − etaMin) · (1 + cos(π tCur / tI)) / 2
///
/// where tI is the current cycle's length and tCur the ticks since it started, found with
/// integer arithmetic (torch uses a floating-point logarithm for the same thing).
public struct CosineAnnealingWarmRestarts: Schedule {
    public let baseLearningRate: Double
    public let t0: Int
    public let tMult: Int
    public let etaMin: Double

    public init(baseLearningRate: Double, t0: Int, tMult: Int = 1, etaMin: Double = 0) throws(ScheduleError) {
        try ScheduleError.check(baseLearningRate > 0 && baseLearningRate.isFinite, "the learning rate", "positive", baseLearningRate)
        try ScheduleError.check(t0 > 0, "t_0", "positive", t0)
        try ScheduleError.check(tMult > 0, "t_mult", "positive", tMult)
        try ScheduleError.check(etaMin >= 0 && etaMin.isFinite, "eta_min", "non-negative", etaMin)
        self.baseLearningRate = baseLearningRate
        self.t0 = t0
        self.tMult = tMult
        self.etaMin = etaMin
    }

    /// The length of the cycle that holds tick `t`, and the ticks since it started.
    func cycle(at t: Int) -> (length: Int, position: Int) {
        if tMult == 1 { return (t0, t % t0) }
        var start = 0
        var length = t0
        // Cycles grow geometrically, so this loop runs O(log t) times; a cycle longer than
        // what an Int can hold is never reached by a real clock.
        while t - start >= length {
            start += length
            let (next, overflow) = length.multipliedReportingOverflow(by: tMult)
            if overflow { return (Int.max, t - start) }
            length = next
        }
        return (length, t - start)
    }

    public func learningRate(at t: Int) -> Double {
        let (length, position) = cycle(at: t)
        return etaMin + (baseLearningRate - etaMin) * (1 + cos(Double.pi * Double(position) / Double(length))) / 2
    }
}

extension CosineAnnealingWarmRestarts {
    /// `cosine_restarts` in a manifest: `t_0` (required), `t_mult` and `eta_min`.
    public struct Settings: ScheduleKind {
        public static let name = "cosine_restarts"
        public static let storedName = "cosineRestarts"
        public static let summary = "Cosine cycles that restart at base (CosineAnnealingWarmRestarts)."
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("t_0", .requiredInteger(\.t0, ScheduleInterval.tickRange), "Ticks of the first cycle."),
             Hyperparameter("t_mult", .integer(\.tMult, 1...1000), "Each cycle is t_mult times longer."),
             .etaMin(\.etaMin)]
        }

        public var t0: Int?
        public var tMult = 1
        public var etaMin = 0.0

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try CosineAnnealingWarmRestarts(baseLearningRate: baseLearningRate, t0: try ScheduleError.required(t0, "t_0"), tMult: tMult, etaMin: etaMin))
        }
    }
}
