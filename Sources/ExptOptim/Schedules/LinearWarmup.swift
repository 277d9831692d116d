/// A linear warm-up in front of another schedule, as torch's `LinearLR(start_factor,
/// end_factor=1, total_iters=length)` followed by the main schedule in `SequentialLR`: for the
/// first `length` ticks
///
///     lr(t) = base · (startFactor + (1 − startFactor) · t / length)
///
/// and from tick `length` on, the main schedule restarted at its own tick 0, so
/// `lr(length + t) = main(t)`.
public struct LinearWarmup: Sendable {
    public let length: Int
    public let startFactor: Double

    /// torch's `LinearLR` starts at 1/3 of the base rate by default.
    public static let defaultStartFactor = 1.0 / 3.0

    public init(length: Int, startFactor: Double = defaultStartFactor) throws(ScheduleError) {
        try ScheduleError.check(length >= 0, "the warm-up length", "non-negative", length)
        try ScheduleError.check(startFactor >= 0 && startFactor <= 1, "start_factor", "in [0, 1]", startFactor)
        self.length = length
        self.startFactor = startFactor
    }

    /// The rate at tick `t` of the warm-up towards `base`, or nil once the warm-up is over.
    public func learningRate(at t: Int, base: Double) -> Double? {
        guard t < length else { return nil }
        return base * (startFactor + (1 - startFactor) * Double(t) / Double(length))
    }
}

/// A schedule with a linear warm-up in front (see ``LinearWarmup``).
public struct WarmedUpSchedule: Schedule {
    public let warmup: LinearWarmup
    public let main: any Schedule
    /// The rate the warm-up rises towards: the main schedule's rate at its tick 0.
    public let target: Double

    public init(warmup: LinearWarmup, main: any Schedule) {
        self.warmup = warmup
        self.main = main
        target = main.learningRate(at: 0)
    }

    public func learningRate(at t: Int) -> Double {
        warmup.learningRate(at: t, base: target) ?? main.learningRate(at: t - warmup.length)
    }
}
