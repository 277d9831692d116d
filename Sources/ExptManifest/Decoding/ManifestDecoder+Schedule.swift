import ExptOptim

/// `schedule`: the learning-rate schedule, named and defaulted as in torch.optim.lr_scheduler.
///
/// ```yaml
/// schedule: {name: cosine, t_max: 40, eta_min: 0, interval: epoch, warmup: {epochs: 2, start_factor: 0.1}}
/// schedule: constant              # a bare name: every setting at its default
/// ```
/// Every schedule takes `interval` (`epoch` | `step`; default `epoch`, but `onecycle` is only
/// `step` and `plateau` only `epoch`) and `warmup` (`{steps: N}` or `{epochs: N}`, with
/// `start_factor` in [0, 1], default 1/3; `steps` needs `interval: step`). Their own keys:
/// constant: none; step: `step_size` (required), `gamma` (0.1); multistep: `milestones`
/// (required, increasing positive integers), `gamma` (0.1); exponential: `gamma` (required);
/// inverse_time: `decay_rate` (required, ≥ 0); polynomial: `total_iters` (the run's length),
/// `power` (1), `end_lr` (0); cosine: `t_max` (the run's length), `eta_min` (0);
/// cosine_restarts: `t_0` (required), `t_mult` (1), `eta_min` (0); onecycle: `max_lr`
/// (required), `pct_start` (0.3), `anneal_strategy` (`cos` | `linear`, cos), `div_factor` (25),
/// `final_div_factor` (1e4); plateau: `metric` (val_loss), `mode` (the metric's goal),
/// `factor` (0.1, in (0, 1)), `patience` (10), `threshold` (1e-4), `threshold_mode`
/// (`rel` | `abs`), `cooldown` (0), `min_lr` (0).
extension ManifestDecoder {
    /// The keys of every schedule, `name` included, and each schedule's own: those of the schema.
    static let scheduleCommonKeys = ["name"] + ManifestSchema.schedules.shared[0].keys
    static let scheduleKeys: [String: [String]] = Dictionary(
        uniqueKeysWithValues: ManifestSchema.schedules.names.map { ($0.name, $0.keys) })
    static let warmupKeys = ManifestSchema.schedules.shared[1].keys
    static let maximumTicks = ScheduleDefaults.maximumTicks

    /// A schedule value as a mapping (a bare name is expanded), or nil after reporting a sequence.
    func scheduleTree(_ tree: Tree) -> Tree? {
        if tree.items != nil {
            error(tree, "expected a schedule name or a mapping, found a sequence")
            return nil
        }
        return tree.expandingOptimizerName()
    }

    func scheduleConfig(_ tree: Tree) -> ScheduleConfig? {
        let name = tree["name"]?.name
        let own = name.flatMap { Self.scheduleKeys[$0] } ?? Array(Set(Self.scheduleKeys.values.joined()))
        guard let fields = fields(tree, allowed: Self.scheduleCommonKeys + own) else { return nil }
        let start = errorCount
        let names = Self.scheduleKeys.keys.map { ($0, $0) }
        let kindName = fields.required("name").flatMap { choice($0, "schedule", names) }
        let kind = kindName.flatMap { scheduleKind($0, fields) }
        let intervalTree = fields.optional("interval")
        let interval = intervalTree.flatMap { choice($0, "interval", article: "an", Self.options(ScheduleConfig.Interval.self)) }
        guard errorCount == start, let kind else { return nil }
        let resolved = interval ?? kind.defaultInterval
        if let intervalTree {
            if case .oneCycle = kind, resolved != .step {
                error(intervalTree, "expected step: onecycle is stepped after every batch, found \(intervalTree.found)")
            }
            if case .plateau = kind, resolved != .epoch {
                error(intervalTree, "expected epoch: plateau is stepped once per epoch, found \(intervalTree.found)")
            }
        }
        let warmup = fields.optional("warmup").flatMap { self.warmup($0, interval: resolved) }
        guard errorCount == start else { return nil }
        return ScheduleConfig(kind: kind, interval: resolved, warmup: warmup)
    }

    /// The schedule's own settings, in the ranges of its schema.
    private func scheduleKind(_ name: String, _ fields: Fields) -> ScheduleConfig.Kind? {
        guard let schema = ManifestSchema.schedules.entry(name) else { return nil }
        let start = errorCount
        func number(_ key: String, default value: Double) -> Double? {
            fields.optional(key).map { self.number($0, schema.numberRange(key)) } ?? value
        }
        func requiredNumber(_ key: String) -> Double? {
            fields.required(key).flatMap { self.number($0, schema.numberRange(key)) }
        }
        // A bad optional value gives nil here and fails the kind through `errorCount`.
        func optionalCount(_ key: String) -> Int? {
            fields.optional(key).flatMap { self.integer($0, schema.integerRange(key)) }
        }
        func requiredCount(_ key: String) -> Int? {
            fields.required(key).flatMap { self.integer($0, schema.integerRange(key)) }
        }
        let kind: ScheduleConfig.Kind?
        switch name {
        case "constant":
            kind = .constant
        case "step":
            let stepSize = requiredCount("step_size")
            let gamma = number("gamma", default: ScheduleDefaults.decayFactor)
            kind = stepSize.flatMap { s in gamma.map { .step(stepSize: s, gamma: $0) } }
        case "multistep":
            let milestones = fields.required("milestones").flatMap { self.milestones($0) }
            let gamma = number("gamma", default: ScheduleDefaults.decayFactor)
            kind = milestones.flatMap { m in gamma.map { .multistep(milestones: m, gamma: $0) } }
        case "exponential":
            kind = requiredNumber("gamma").map { .exponential(gamma: $0) }
        case "inverse_time":
            kind = requiredNumber("decay_rate").map { .inverseTime(decayRate: $0) }
        case "polynomial":
            let total = optionalCount("total_iters")
            let power = number("power", default: ScheduleDefaults.power)
            let end = number("end_lr", default: ScheduleDefaults.endLearningRate)
            if let power, let end { kind = .polynomial(totalIterations: total, power: power, endLearningRate: end) } else { kind = nil }
        case "cosine":
            let tMax = optionalCount("t_max")
            let etaMin = number("eta_min", default: ScheduleDefaults.etaMin)
            kind = etaMin.map { .cosine(tMax: tMax, etaMin: $0) }
        case "cosine_restarts":
            let t0 = requiredCount("t_0")
            let tMult = fields.optional("t_mult").map { self.integer($0, schema.integerRange("t_mult")) } ?? ScheduleDefaults.tMult
            let etaMin = number("eta_min", default: ScheduleDefaults.etaMin)
            if let t0, let tMult, let etaMin { kind = .cosineRestarts(t0: t0, tMult: tMult, etaMin: etaMin) } else { kind = nil }
        case "onecycle":
            let maxLR = requiredNumber("max_lr")
            let pctStart = number("pct_start", default: ScheduleDefaults.pctStart)
            let anneal = fields.optional("anneal_strategy").map {
                choice($0, "anneal_strategy", article: "an", Self.options(OneCycle.Anneal.self))
            } ?? ScheduleDefaults.anneal
            let div = number("div_factor", default: ScheduleDefaults.divFactor)
            let finalDiv = number("final_div_factor", default: ScheduleDefaults.finalDivFactor)
            if let maxLR, let pctStart, let anneal, let div, let finalDiv {
                kind = .oneCycle(maxLearningRate: maxLR, pctStart: pctStart, anneal: anneal, divFactor: div, finalDivFactor: finalDiv)
            } else { kind = nil }
        case "plateau":
            kind = plateau(fields).map { .plateau($0) }
        default:
            kind = nil
        }
        return errorCount == start ? kind : nil
    }

    private func plateau(_ fields: Fields) -> PlateauSettings? {
        let d = PlateauSettings()
        let metric = fields.optional("metric").map { choice($0, "metric", Self.options(Metric.self)) } ?? d.metric
        let mode = fields.optional("mode").flatMap { choice($0, "mode", Self.options(ReduceOnPlateau.Mode.self)) }
        let factor = fields.optional("factor").map { number($0, .openUnit) } ?? d.factor
        let patience = fields.optional("patience").map { integer($0, 0...Self.maximumTicks) } ?? d.patience
        let threshold = fields.optional("threshold").map { number($0, .nonNegative) } ?? d.threshold
        let thresholdMode = fields.optional("threshold_mode").map {
            choice($0, "threshold_mode", Self.options(ReduceOnPlateau.ThresholdMode.self))
        } ?? d.thresholdMode
        let cooldown = fields.optional("cooldown").map { integer($0, 0...Self.maximumTicks) } ?? d.cooldown
        let minLR = fields.optional("min_lr").map { number($0, .nonNegative) } ?? d.minimumLearningRate
        guard let metric, let factor, let patience, let threshold, let thresholdMode, let cooldown, let minLR else { return nil }
        return PlateauSettings(metric: metric, mode: mode, factor: factor, patience: patience, threshold: threshold,
                               thresholdMode: thresholdMode, cooldown: cooldown, minimumLearningRate: minLR)
    }

    /// `milestones: [10, 20]`: positive integers in increasing order.
    private func milestones(_ tree: Tree) -> [Int]? {
        guard let items = tree.items, !items.isEmpty else {
            error(tree, "expected a sequence of positive integers, found \(tree.items == nil ? tree.found : "an empty sequence")")
            return nil
        }
        let start = errorCount
        var values: [Int] = []
        for item in items {
            guard let value = integer(item, 1...Self.maximumTicks) else { continue }
            if let last = values.last, value <= last {
                error(item, "expected milestones in increasing order, found \(value) after \(last)")
            }
            values.append(value)
        }
        return errorCount == start ? values : nil
    }

    /// `warmup: {epochs: 2}` or `{steps: 500, start_factor: 0.1}`.
    private func warmup(_ tree: Tree, interval: ScheduleConfig.Interval) -> ScheduleConfig.Warmup? {
        guard let fields = fields(tree, allowed: Self.warmupKeys) else { return nil }
        let start = errorCount
        let stepsTree = fields.optional("steps")
        let epochsTree = fields.optional("epochs")
        let startFactor = fields.optional("start_factor").map { number($0, .closedUnit) } ?? LinearWarmup.defaultStartFactor
        var warmup: ScheduleConfig.Warmup?
        switch (stepsTree, epochsTree) {
        case (nil, nil):
            error(tree, "missing required key \"epochs\" or \"steps\"")
        case (let steps?, let epochs?):
            error(steps.mark.line > epochs.mark.line || (steps.mark.line == epochs.mark.line && steps.mark.column > epochs.mark.column) ? steps : epochs,
                  "expected either epochs or steps, not both")
        case (let steps?, nil):
            if let length = integer(steps, 1...Self.maximumTicks) {
                if interval == .epoch {
                    error(steps, "a warm-up in steps needs interval: step; use epochs with a schedule stepped per epoch")
                } else {
                    warmup = ScheduleConfig.Warmup(length: length, unit: .step)
                }
            }
        case (nil, let epochs?):
            if let length = integer(epochs, 1...Self.maximumTicks) {
                warmup = ScheduleConfig.Warmup(length: length, unit: .epoch)
            }
        }
        guard errorCount == start, var warmup, let startFactor else { return nil }
        warmup.startFactor = startFactor
        return warmup
    }
}
