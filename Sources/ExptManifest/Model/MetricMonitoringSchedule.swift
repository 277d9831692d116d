import ExptOptim

/// A schedule kind whose rule is fed a metric after every epoch (`ScheduleRule.reduceOnPlateau`):
/// the runner reads `metric` and passes its value on.
public protocol MetricMonitoringSchedule: ScheduleKind {
    /// The metric the rule watches.
    var metric: Metric { get }
}
