import ExptConfig

/// A learning-rate schedule as a manifest names it: a settings type whose values are the
/// schedule's settings (named and defaulted as in `torch.optim.lr_scheduler`; `init()` gives
/// the defaults, nil for the settings a manifest must give), described by a table, and the rule
/// it makes once the run's length is known. Each schedule is one such type in its schedule's
/// file, listed once in the registry; decoding, the schema, `expt list` and the report read the
/// table instead of naming schedules.
public protocol ScheduleKind: KindSettings {
    /// The one interval the schedule is defined for, and why, or nil when it takes either.
    static var onlyInterval: (interval: ScheduleInterval, reason: String)? { get }
    /// The settings with the defaults that depend on other settings filled in, given the keys
    /// the manifest wrote; by default unchanged.
    func resolved(givenKeys: Set<String>) -> Self
    /// The rule for a run whose base rate is `baseLearningRate` and whose length after the
    /// warm-up is `length` ticks.
    func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule
}

/// What a schedule kind makes: a closed form of the clock, or ReduceOnPlateau's state
/// machine, which the runner feeds the metric the kind watches.
public enum ScheduleRule: Sendable {
    case closedForm(any Schedule)
    case reduceOnPlateau(ReduceOnPlateau)
}

extension ScheduleKind {
    /// Schedules' settings are stored bare (`{"step": {…}}`) unless a kind says otherwise.
    public static var storedForm: StoredForm { .bare }
    public static var onlyInterval: (interval: ScheduleInterval, reason: String)? { nil }

    public func resolved(givenKeys: Set<String>) -> Self { self }
}
