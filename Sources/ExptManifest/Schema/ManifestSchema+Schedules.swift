import ExptOptim

/// The schedules, named and defaulted as in torch.optim.lr_scheduler, with the settings every
/// schedule takes (`interval`, `warmup`) and the warm-up's own.
extension ManifestSchema {
    public static let schedules = SchemaSection(
        name: "schedules", usage: "schedule: {name: NAME, KEY: VALUE, …}, or schedule: NAME for every default",
        names: ScheduleRegistry.kinds.map { schema($0) },
        shared: [everySchedule, warmup])

    static let ticks = SettingKind.integer(ScheduleInterval.tickRange)

    /// One schedule's entry: its table, with the defaults of `Kind()`.
    private static func schema<Kind: ScheduleKind>(_ kind: Kind.Type) -> NameSchema {
        NameSchema(Kind.name, Kind.summary, Kind.settings.map { $0.schema(defaults: Kind()) })
    }

    /// `epoch; step for NAME` for each kind defined only per step.
    private static let defaultInterval = (["epoch"] + ScheduleRegistry.kinds.compactMap { kind in
        kind.onlyInterval?.interval == .step ? "step for \(kind.name)" : nil
    }).joined(separator: "; ")

    private static let everySchedule = NameSchema("(every schedule)", "Settings every schedule takes.", [
        SettingSchema("interval", .choice(of: ScheduleConfig.Interval.self), .described(defaultInterval),
                      "What a tick is: an epoch or an optimizer step."),
        SettingSchema("warmup", .described("mapping (below)"), .described("none"),
                      "A linear warm-up to base before the schedule starts."),
    ])

    private static let warmup = NameSchema("(warmup)", "The keys of warmup: one of epochs and steps, and start_factor.", [
        SettingSchema("epochs", ticks, .described("one of epochs and steps"), "Length of the warm-up in epochs."),
        SettingSchema("steps", ticks, .described("one of epochs and steps"), "Length in optimizer steps; needs interval: step."),
        SettingSchema("start_factor", .number(.closedUnit), .number(LinearWarmup.defaultStartFactor),
                      "The warm-up starts at start_factor · base (torch's LinearLR)."),
    ])
}
