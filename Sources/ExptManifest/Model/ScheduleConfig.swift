import ExptOptim

/// A learning-rate schedule as a manifest declares it: which schedule, how often it is
/// stepped, and an optional linear warm-up. ExptRunner turns it into an ``ExptOptim/Schedule``
/// (or a ``ExptOptim/ReduceOnPlateau``) once the run's number of steps is known.
public struct ScheduleConfig: Sendable, Equatable, Codable {
    /// The schedule and its settings, named as in torch.optim.lr_scheduler.
    public enum Kind: Sendable, Equatable, Codable {
        case constant
        case step(stepSize: Int, gamma: Double)
        case multistep(milestones: [Int], gamma: Double)
        case exponential(gamma: Double)
        case inverseTime(decayRate: Double)
        /// `totalIterations` nil: the run's length in ticks, after the warm-up.
        case polynomial(totalIterations: Int?, power: Double, endLearningRate: Double)
        /// `tMax` nil: the run's length in ticks, after the warm-up.
        case cosine(tMax: Int?, etaMin: Double)
        case cosineRestarts(t0: Int, tMult: Int, etaMin: Double)
        case oneCycle(maxLearningRate: Double, pctStart: Double, anneal: OneCycle.Anneal, divFactor: Double, finalDivFactor: Double)
        case plateau(PlateauSettings)
    }

    /// What a schedule's clock counts.
    public enum Interval: String, Sendable, CaseIterable, Codable {
        /// One tick per epoch: the rate changes between epochs.
        case epoch
        /// One tick per optimizer step (batch).
        case step
    }

    /// A linear warm-up of `length` ticks of `unit` (see ``ExptOptim/LinearWarmup``).
    public struct Warmup: Sendable, Equatable, Codable {
        public var length: Int
        public var unit: Interval
        public var startFactor: Double

        public init(length: Int, unit: Interval, startFactor: Double = LinearWarmup.defaultStartFactor) {
            self.length = length
            self.unit = unit
            self.startFactor = startFactor
        }
    }

    public var kind: Kind
    public var interval: Interval
    public var warmup: Warmup?

    public init(kind: Kind, interval: Interval? = nil, warmup: Warmup? = nil) {
        self.kind = kind
        self.interval = interval ?? kind.defaultInterval
        self.warmup = warmup
    }
}

/// The settings of `ReduceLROnPlateau`, and the metric it watches.
public struct PlateauSettings: Sendable, Equatable, Codable {
    public var metric: Metric
    public var mode: ReduceOnPlateau.Mode
    public var factor: Double
    public var patience: Int
    public var threshold: Double
    public var thresholdMode: ReduceOnPlateau.ThresholdMode
    public var cooldown: Int
    public var minimumLearningRate: Double

    /// torch's defaults, watching `metric` in the direction in which it improves.
    public init(metric: Metric = .validationLoss, mode: ReduceOnPlateau.Mode? = nil, factor: Double = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: ReduceOnPlateau.ThresholdMode = .relative, cooldown: Int = 0,
                minimumLearningRate: Double = 0) {
        self.metric = metric
        self.mode = mode ?? (metric.naturalGoal == .maximize ? .max : .min)
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minimumLearningRate = minimumLearningRate
    }
}

extension ScheduleConfig.Kind {
    /// The manifest's name of the schedule.
    public var name: String {
        switch self {
        case .constant: "constant"
        case .step: "step"
        case .multistep: "multistep"
        case .exponential: "exponential"
        case .inverseTime: "inverse_time"
        case .polynomial: "polynomial"
        case .cosine: "cosine"
        case .cosineRestarts: "cosine_restarts"
        case .oneCycle: "onecycle"
        case .plateau: "plateau"
        }
    }

    /// One-cycle is defined per batch, reduce-on-plateau per epoch; the others default to per epoch.
    public var defaultInterval: ScheduleConfig.Interval {
        if case .oneCycle = self { .step } else { .epoch }
    }

    /// Every setting by its manifest name, formatted for reports; defaults that depend on the run are left out.
    public var settings: [(name: String, value: String)] {
        switch self {
        case .constant: []
        case .step(let stepSize, let gamma): [("step_size", "\(stepSize)"), ("gamma", "\(gamma)")]
        case .multistep(let milestones, let gamma):
            [("milestones", "[" + milestones.map(String.init).joined(separator: ", ") + "]"), ("gamma", "\(gamma)")]
        case .exponential(let gamma): [("gamma", "\(gamma)")]
        case .inverseTime(let decayRate): [("decay_rate", "\(decayRate)")]
        case .polynomial(let total, let power, let end):
            (total.map { [("total_iters", "\($0)")] } ?? []) + [("power", "\(power)"), ("end_lr", "\(end)")]
        case .cosine(let tMax, let etaMin): (tMax.map { [("t_max", "\($0)")] } ?? []) + [("eta_min", "\(etaMin)")]
        case .cosineRestarts(let t0, let tMult, let etaMin): [("t_0", "\(t0)"), ("t_mult", "\(tMult)"), ("eta_min", "\(etaMin)")]
        case .oneCycle(let maxLR, let pctStart, let anneal, let div, let finalDiv):
            [("max_lr", "\(maxLR)"), ("pct_start", "\(pctStart)"), ("anneal_strategy", anneal.rawValue),
             ("div_factor", "\(div)"), ("final_div_factor", "\(finalDiv)")]
        case .plateau(let p):
            [("metric", p.metric.rawValue), ("mode", p.mode.rawValue), ("factor", "\(p.factor)"),
             ("patience", "\(p.patience)"), ("threshold", "\(p.threshold)"), ("threshold_mode", p.thresholdMode.rawValue),
             ("cooldown", "\(p.cooldown)"), ("min_lr", "\(p.minimumLearningRate)")]
        }
    }
}

extension ScheduleConfig: CustomStringConvertible {
    /// One line for reports: `cosine (eta_min 0.0) per epoch, warm-up 2 epochs from 0.1`.
    public var description: String {
        var text = kind.name
        let settings = kind.settings
        if !settings.isEmpty { text += " (" + settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ") + ")" }
        text += " per \(interval.rawValue)"
        if let warmup {
            text += ", warm-up \(warmup.length) \(warmup.unit.rawValue)\(warmup.length == 1 ? "" : "s") from \(warmup.startFactor)"
        }
        return text
    }
}
