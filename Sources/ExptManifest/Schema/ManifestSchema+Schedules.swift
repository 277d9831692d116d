import ExptOptim

/// The schedules, named and defaulted as in torch.optim.lr_scheduler, with the settings every
/// schedule takes (`interval`, `warmup`) and the warm-up's own.
extension ManifestSchema {
    public static let schedules = SchemaSection(
        name: "schedules", usage: "schedule: {name: NAME, KEY: VALUE, …}, or schedule: NAME for every default",
        names: [constant, step, multistep, exponential, inverseTime, polynomial, cosine, cosineRestarts, oneCycle, plateau],
        shared: [everySchedule, warmup])

    static let ticks = SettingKind.integer(1...ScheduleDefaults.maximumTicks)
    private static let runLength = SettingDefault.described("the run's ticks after the warm-up")

    private static let constant = NameSchema("constant", "The optimizer's lr throughout.", [])

    private static let step = NameSchema("step", "Multiplied by gamma every step_size ticks (StepLR).", [
        SettingSchema("step_size", ticks, .required, "Ticks between two decays."),
        gamma(.number(ScheduleDefaults.decayFactor)),
    ])

    private static let multistep = NameSchema("multistep", "Multiplied by gamma at each milestone (MultiStepLR).", [
        SettingSchema("milestones", .described("increasing integers 1 to \(ScheduleDefaults.maximumTicks)"), .required,
                      "The ticks at which the rate decays."),
        gamma(.number(ScheduleDefaults.decayFactor)),
    ])

    private static let exponential = NameSchema("exponential", "Multiplied by gamma every tick (ExponentialLR).", [
        gamma(.required),
    ])

    private static let inverseTime = NameSchema("inverse_time", "base / (1 + decay_rate · t), as Keras and optax.", [
        SettingSchema("decay_rate", .number(.nonNegative), .required, "How fast the rate falls."),
    ])

    private static let polynomial = NameSchema("polynomial", "From base to end_lr along a power of the time left (PolynomialLR).", [
        SettingSchema("total_iters", ticks, runLength, "Ticks to reach end_lr."),
        SettingSchema("power", .number(.positive), .number(ScheduleDefaults.power), "Power of the decay."),
        SettingSchema("end_lr", .number(.nonNegative), .number(ScheduleDefaults.endLearningRate), "The final rate."),
    ])

    private static let cosine = NameSchema("cosine", "Half a cosine from base down to eta_min (CosineAnnealingLR).", [
        SettingSchema("t_max", ticks, runLength, "Ticks of the half cosine (after it the rate rises again, as in torch)."),
        etaMin,
    ])

    private static let cosineRestarts = NameSchema(
        "cosine_restarts", "Cosine cycles that restart at base (CosineAnnealingWarmRestarts).", [
            SettingSchema("t_0", ticks, .required, "Ticks of the first cycle."),
            SettingSchema("t_mult", .integer(1...1000), .integer(ScheduleDefaults.tMult), "Each cycle is t_mult times longer."),
            etaMin,
        ])

    private static let oneCycle = NameSchema("onecycle", "Up to max_lr and down again, per step (OneCycleLR).", [
        SettingSchema("max_lr", .number(.positive), .required, "The peak rate; the optimizer's lr is not used."),
        SettingSchema("pct_start", .number(.openUnit), .number(ScheduleDefaults.pctStart), "Share of the steps spent rising."),
        SettingSchema("anneal_strategy", .choice(of: OneCycle.Anneal.self), .name(ScheduleDefaults.anneal.rawValue),
                      "Shape of the rise and the fall."),
        SettingSchema("div_factor", .number(.positive), .number(ScheduleDefaults.divFactor), "The start is max_lr / div_factor."),
        SettingSchema("final_div_factor", .number(.positive), .number(ScheduleDefaults.finalDivFactor),
                      "The end is the start / final_div_factor."),
    ])

    private static let plateau: NameSchema = {
        let d = PlateauSettings()
        let count = SettingKind.integer(0...ScheduleDefaults.maximumTicks)
        return NameSchema("plateau", "Multiplied by factor when a metric stops improving (ReduceLROnPlateau).", [
            SettingSchema("metric", .choice(of: Metric.self), .name(d.metric.rawValue), "The metric watched after every epoch."),
            SettingSchema("mode", .choice(of: ReduceOnPlateau.Mode.self), .described("the metric's goal"),
                          "Whether the metric improves by falling or by rising."),
            SettingSchema("factor", .number(.openUnit), .number(d.factor), "Factor of each reduction."),
            SettingSchema("patience", count, .integer(d.patience), "Epochs without improvement before a reduction."),
            SettingSchema("threshold", .number(.nonNegative), .number(d.threshold), "How much better counts as an improvement."),
            SettingSchema("threshold_mode", .choice(of: ReduceOnPlateau.ThresholdMode.self), .name(d.thresholdMode.rawValue),
                          "threshold relative to the best value (rel) or absolute (abs)."),
            SettingSchema("cooldown", count, .integer(d.cooldown), "Epochs ignored after a reduction."),
            SettingSchema("min_lr", .number(.nonNegative), .number(d.minimumLearningRate), "The rate never goes below it."),
        ])
    }()

    private static let everySchedule = NameSchema("(every schedule)", "Settings every schedule takes.", [
        SettingSchema("interval", .choice(of: ScheduleConfig.Interval.self), .described("epoch; step for onecycle"),
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

    private static func gamma(_ value: SettingDefault) -> SettingSchema {
        SettingSchema("gamma", .number(.positive), value, "Factor of each decay.")
    }

    private static let etaMin = SettingSchema("eta_min", .number(.nonNegative), .number(ScheduleDefaults.etaMin), "The lowest rate.")
}
