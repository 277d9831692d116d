/// A learning rate as a closed-form function of a clock: `learningRate(at: t)` is the rate
/// after `t` ticks (optimizer steps or epochs, as the schedule is stepped), `t` from 0.
///
/// Each schedule is a small value type whose arguments are checked when it is made (as optax's
/// and mlx's schedules are), so that evaluating it cannot fail. The formulas and names are
/// those of `torch.optim.lr_scheduler` where torch has the schedule; the rate at `t` equals
/// torch's `get_last_lr()` after `t` calls of `scheduler.step()`.
public protocol Schedule: Sendable {
    /// The learning rate after `t` ticks; `t` ≥ 0.
    func learningRate(at t: Int) -> Double
}

/// A schedule's argument that is out of range, with a message that names it.
public struct ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension ScheduleError {
    /// Throws unless `condition` holds: `"\(name) must be \(requirement), got \(value)"`.
    static func check(_ condition: Bool, _ name: String, _ requirement: String, _ value: some Any) throws(ScheduleError) {
        guard condition else { throw ScheduleError("\(name) must be \(requirement), got \(value)") }
    }

    /// The value of setting `name`, which a manifest must give: `"\(name) is required"` when
    /// the settings were made without it.
    static func required<Value>(_ value: Value?, _ name: String) throws(ScheduleError) -> Value {
        guard let value else { throw ScheduleError("\(name) is required") }
        return value
    }
}
