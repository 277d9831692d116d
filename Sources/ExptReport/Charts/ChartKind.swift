/// A chart of the report: one type per chart, in one file, listed once in ``ChartRegistry``.
///
/// The report asks each registered kind whether it applies to an experiment's results and, when
/// it does, for its charts: each an SVG file written under `charts/` and shown in report.md's
/// Charts section, with its title and caption, in the registry's order.
protocol ChartKind: Sendable {
    /// The kind's name, unique in the registry: `train_loss`, `sensitivity`, `trajectories`.
    static var name: String { get }
    /// Whether the results hold what the chart shows (a recorded metric, a sweep, a trajectory).
    static func applies(to results: ChartResults) -> Bool
    /// The kind's charts for `results`, in the order report.md shows them; asked only when the
    /// kind applies.
    static func charts(of results: ChartResults) -> [Chart]
}
