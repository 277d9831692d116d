import ExptStore

/// The optimizers' paths over a 2D test function: every variant's path (its first run that
/// recorded one) over the function's contour lines, with its minima marked.
enum TrajectoriesChart: ChartKind {
    static let name = "trajectories"

    /// Some run recorded a trajectory (only runs on a 2D test function do).
    static func applies(to results: ChartResults) -> Bool {
        !paths(results.variants).isEmpty
    }

    static func charts(of results: ChartResults) -> [Chart] {
        let minima = results.experiment.testFunction?.minima ?? []
        let title = "Optimizer trajectories (start ○, end ●" + (minima.isEmpty ? ")" : ", minimum ✕)")
        let plot = TrajectoryPlot(title: title, paths: paths(results.variants), surface: results.surface, minima: minima)
        return [Chart(file: "trajectories.svg", title: "Optimizer trajectories", svg: plot.svg)]
    }

    /// Each variant's first path, named with its seed.
    private static func paths(_ variants: [VariantResult]) -> [(name: String, points: [TrajectoryPoint])] {
        variants.compactMap { result in
            result.runs.first { !$0.record.trajectory.isEmpty }.map { run in
                (name: "\(result.name) (seed \(run.record.spec.seed))", points: run.record.trajectory)
            }
        }
    }
}
