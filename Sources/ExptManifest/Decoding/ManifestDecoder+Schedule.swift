import ExptConfig
import ExptOptim

/// `schedule`: the learning-rate schedule, a name from `ScheduleRegistry` and that schedule's
/// keys, as its settings table lists them (named and defaulted as in torch.optim.lr_scheduler).
///
/// ```yaml
/// schedule: {name: NAME, KEY: VALUE, …, interval: epoch, warmup: {epochs: 2, start_factor: 0.1}}
/// schedule: NAME               # a bare name: every setting at its default
/// ```
/// Every schedule takes `interval` (`epoch` | `step`; default `epoch`, but a kind may be defined
/// for one only, `ScheduleKind.onlyInterval`) and `warmup` (`{steps: N}` or `{epochs: N}`, with
/// `start_factor` in [0, 1], default 1/3; `steps` needs `interval: step`).
extension ManifestDecoder {
    /// The keys of every schedule, `name` included, and each schedule's own: those of the schema.
    static let scheduleCommonKeys = ["name"] + ManifestSchema.schedules.shared[0].keys
    static let scheduleKeys: [String: [String]] = Dictionary(
        uniqueKeysWithValues: ManifestSchema.schedules.names.map { ($0.name, $0.keys) })
    static let warmupKeys = ManifestSchema.schedules.shared[1].keys
    static let maximumTicks = ScheduleInterval.maximumTicks

    /// A schedule value as a mapping (a bare name is expanded), or nil after reporting a sequence.
    func scheduleTree(_ tree: Tree) -> Tree? {
        namedMapping(tree, of: "a schedule")
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
        if let intervalTree, let only = type(of: kind.settings).onlyInterval, resolved != only.interval {
            error(intervalTree, "expected \(only.interval.rawValue): \(only.reason), found \(intervalTree.found)")
        }
        let warmup = fields.optional("warmup").flatMap { self.warmup($0, interval: resolved) }
        guard errorCount == start else { return nil }
        return ScheduleConfig(kind: kind, interval: resolved, warmup: warmup)
    }

    /// The schedule's own settings, read through its kind's table.
    private func scheduleKind(_ name: String, _ fields: Fields) -> ScheduleConfig.Kind? {
        guard let kind = ScheduleRegistry.kind(named: name) else { return nil }
        return HyperparameterReader(fields: fields, decoder: self).read(kind).map { ScheduleConfig.Kind($0) }
    }

    /// `milestones: [10, 20]`: positive integers in increasing order.
    func milestones(_ tree: Tree) -> [Int]? {
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
