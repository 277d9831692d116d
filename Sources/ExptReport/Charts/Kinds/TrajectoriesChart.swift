import ExptStore

/// The optimizers' paths over a 2D test function: every variant's path (its first run that
/// recorded one) over the function's contour lines, with its minima marked, and, where the run
/// interpolated f (`analysis.interpolate`), the line it was evaluated along, dashed.
enum TrajectoriesChart: ChartKind {
    static let name = "trajectories"

    /// Some run recorded a trajectory (only runs on a 2D test function do).
    static func applies(to results: ChartResults) -> Bool {
        !paths(results.variants).isEmpty
    }

    static func charts(of results: ChartResults) -> [Chart] {
        let minima = results.experiment.testFunction?.minima ?? []
        let title = "Optimizer trajectories (start ○, end ●" + (minima.isEmpty ? ")" : ", minimum ✕)")
        let paths = paths(results.variants)
        let lines = paths.enumerated().compactMap { index, path in interpolationLine(path.landscape, path.points).map { (index, $0.from, $0.to) } }
        let plot = TrajectoryPlot(title: title, paths: paths.map { ($0.name, $0.points) }, surface: results.surface, minima: minima,
                                  lines: lines)
        return [Chart(file: "trajectories.svg", title: "Optimizer trajectories", svg: plot.svg)]
    }

    /// Each variant's first path, named with its seed, with the run's landscape.
    private static func paths(_ variants: [VariantResult]) -> [(name: String, points: [TrajectoryPoint], landscape: [LandscapePoint])] {
        variants.compactMap { result in
            result.runs.first { !$0.record.trajectory.isEmpty }.map { run in
                (name: "\(result.name) (seed \(run.record.spec.seed))", points: run.record.trajectory, landscape: run.record.landscape)
            }
        }
    }

    /// θ(α) = (1 − α) start + α end at the first and the last α of `landscape`; nil without one.
    private static func interpolationLine(_ landscape: [LandscapePoint], _ points: [TrajectoryPoint])
        -> (from: (x: Double, y: Double), to: (x: Double, y: Double))? {
        guard let first = landscape.first, let last = landscape.last, let start = points.first, let end = points.last else { return nil }
        func point(_ alpha: Double) -> (x: Double, y: Double) {
            ((1 - alpha) * start.x + alpha * end.x, (1 - alpha) * start.y + alpha * end.y)
        }
        return (point(first.alpha), point(last.alpha))
    }
}
