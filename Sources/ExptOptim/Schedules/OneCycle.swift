import ExptConfig
import Foundation

/// `torch.optim.lr_scheduler.OneCycleLR` (Smith and Topin, 2018), stepped once per batch: the
/// rate rises from `maxLearningRate / divFactor` to `maxLearningRate` over the first
/// `pctStart` of `totalSteps`, then falls to `initial / finalDivFactor`.
///
/// With phase ends e₁ = pctStart · total − 1 and e₂ = total − 1, at step t:
///
///     t ≤ e₁:  anneal(initial, max, t / e₁)
///     t > e₁:  anneal(max, minimum, (t − e₁) / (e₂ − e₁))
///
/// where anneal is cosine, `end + (start − end)(1 + cos(π p)) / 2`, or linear,
/// `start + (end − start) p`. The base learning rate of the optimizer is not used (as in torch,
/// where `max_lr` replaces it). Momentum is not cycled (torch's `cycle_momentum=False`).
/// Where torch would divide zero by zero (a first phase of length 0, when pctStart · total = 1)
/// the phase counts as finished, giving `maxLearningRate`; after the last step (where torch
/// raises an error) the rate stays at the minimum.
public struct OneCycle: Schedule {
    public enum Anneal: String, Sendable, CaseIterable, Codable {
        case cosine = "cos"
        case linear

        func callAsFunction(_ start: Double, _ end: Double, _ p: Double) -> Double {
            switch self {
            case .cosine: end + (start - end) / 2 * (cos(Double.pi * p) + 1)
            case .linear: (end - start) * p + start
            }
        }
    }

    public let maxLearningRate: Double
    public let totalSteps: Int
    public let pctStart: Double
    public let anneal: Anneal
    public let divFactor: Double
    public let finalDivFactor: Double

    public init(maxLearningRate: Double, totalSteps: Int, pctStart: Double = 0.3, anneal: Anneal = .cosine,
                divFactor: Double = 25, finalDivFactor: Double = 1e4) throws(ScheduleError) {
        try ScheduleError.check(maxLearningRate > 0 && maxLearningRate.isFinite, "max_lr", "positive", maxLearningRate)
        try ScheduleError.check(totalSteps > 0, "the total number of steps", "positive", totalSteps)
        try ScheduleError.check(pctStart > 0 && pctStart < 1, "pct_start", "in (0, 1)", pctStart)
        try ScheduleError.check(divFactor > 0 && divFactor.isFinite, "div_factor", "positive", divFactor)
        try ScheduleError.check(finalDivFactor > 0 && finalDivFactor.isFinite, "final_div_factor", "positive", finalDivFactor)
        self.maxLearningRate = maxLearningRate
        self.totalSteps = totalSteps
        self.pctStart = pctStart
        self.anneal = anneal
        self.divFactor = divFactor
        self.finalDivFactor = finalDivFactor
    }

    public var initialLearningRate: Double { maxLearningRate / divFactor }
    public var minimumLearningRate: Double { initialLearningRate / finalDivFactor }

    public func learningRate(at t: Int) -> Double {
        let step = Double(min(t, totalSteps - 1))
        let warmEnd = pctStart * Double(totalSteps) - 1
        let end = Double(totalSteps - 1)
        if step <= warmEnd {
            return anneal(initialLearningRate, maxLearningRate, warmEnd > 0 ? step / warmEnd : 1)
        }
        // end − warmEnd = (1 − pctStart) · total > 0.
        return anneal(maxLearningRate, minimumLearningRate, (step - warmEnd) / (end - warmEnd))
    }
}

extension OneCycle {
    /// `onecycle` in a manifest: `max_lr` (required), `pct_start`, `anneal_strategy`,
    /// `div_factor` and `final_div_factor`; only per step, over the run's steps after the warm-up.
    public struct Settings: ScheduleKind {
        public static let name = "onecycle"
        public static let storedName = "oneCycle"
        public static let summary = "Up to max_lr and down again, per step (OneCycleLR)."
        public static let onlyInterval: (interval: ScheduleInterval, reason: String)? = (.step, "onecycle is stepped after every batch")
        public static var settings: [Hyperparameter<Self>] {
            [Hyperparameter("max_lr", .requiredNumber(\.maxLearningRate, .positive), "The peak rate; the optimizer's lr is not used."),
             Hyperparameter("pct_start", .number(\.pctStart, .openUnit), "Share of the steps spent rising."),
             Hyperparameter("anneal_strategy", .choice(.of(\.anneal)), "Shape of the rise and the fall."),
             Hyperparameter("div_factor", .number(\.divFactor, .positive), "The start is max_lr / div_factor."),
             Hyperparameter("final_div_factor", .number(\.finalDivFactor, .positive), "The end is the start / final_div_factor.")]
        }

        public var maxLearningRate: Double?
        public var pctStart = 0.3
        public var anneal = Anneal.cosine
        public var divFactor = 25.0
        public var finalDivFactor = 1e4

        public init() {}

        public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
            .closedForm(try OneCycle(maxLearningRate: try ScheduleError.required(maxLearningRate, "max_lr"), totalSteps: length, pctStart: pctStart, anneal: anneal,
                                     divFactor: divFactor, finalDivFactor: finalDivFactor))
        }
    }
}
