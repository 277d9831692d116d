import ExptConfig
import ExptOptim

/// A learning-rate schedule as a manifest declares it: which schedule, how often it is
/// stepped, and an optional linear warm-up. ExptRunner turns it into the kind's rule once the
/// run's number of steps is known.
public struct ScheduleConfig: Sendable, Equatable, Codable {
    /// The schedule and its settings: a kind from `ScheduleRegistry`, named as in
    /// torch.optim.lr_scheduler.
    ///
    /// Stored in the kind's `StoredForm`, the form the stored runs' config.json (and so their
    /// run ids) were written in.
    public struct Kind: StoredKindValue, Sendable {
        /// The settings of whichever schedule this is; their type is the schedule's kind.
        public let settings: any ScheduleKind

        public init(_ settings: any ScheduleKind) {
            self.settings = settings
        }

        /// The interval the schedule is defined for; per epoch when it takes either.
        public var defaultInterval: ScheduleConfig.Interval {
            type(of: settings).onlyInterval?.interval ?? .epoch
        }

        /// Every setting by its manifest name, formatted for reports; defaults that depend on the
        /// run are left out.
        public var listed: [(name: String, value: String)] {
            settings.listed
        }

        public static var kinds: [any KindSettings.Type] { ScheduleRegistry.kinds }
        public static var family: String { "schedule" }
        public var storedSettings: any KindSettings { settings }
    }

    /// What a schedule's clock counts.
    public typealias Interval = ScheduleInterval

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

extension ScheduleConfig: CustomStringConvertible {
    /// One line for reports: `step (step_size 5, gamma 0.1) per epoch, warm-up 2 epochs from 0.1`.
    public var description: String {
        var text = kind.name
        let settings = kind.listed
        if !settings.isEmpty { text += " (" + settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ") + ")" }
        text += " per \(interval.rawValue)"
        if let warmup {
            text += ", warm-up \(warmup.length) \(warmup.unit.rawValue)\(warmup.length == 1 ? "" : "s") from \(warmup.startFactor)"
        }
        return text
    }
}
