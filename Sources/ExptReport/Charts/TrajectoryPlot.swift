import ExptStore

/// The value of a 2D test function at (x, y), given by the caller: `expt report` passes the
/// function the manifest names (docs/architecture.md says why that is stored results).
public typealias SurfaceFunction = @Sendable (Double, Double) -> Double

/// Optimizer paths over a 2D test function: the function's contour lines (when the function is
/// given), one path per variant with a hollow circle at its start and a filled one at its end.
struct TrajectoryPlot {
    let title: String
    /// Each variant's path (of one seed), in order.
    let paths: [(name: String, points: [TrajectoryPoint])]
    let surface: SurfaceFunction?
    /// The function's minima, each marked by a cross.
    var minima: [(x: Double, y: Double)] = []
    /// Straight lines drawn thin and dashed in the colour of the path at the same index: where
    /// `analysis.interpolate` evaluated f, from θ(from) to θ(to) through the start and the end.
    var lines: [(index: Int, from: (x: Double, y: Double), to: (x: Double, y: Double))] = []
    /// Grid points per side for the contours, and the number of contour levels.
    var gridSize = 60
    var levelCount = 12

    static let width = 720.0
    static let height = 520.0

    var svg: String {
        let all = paths.flatMap(\.points)
        let lineEnds = lines.flatMap { [$0.from, $0.to] }
        let xAxis = Axis(covering: Self.padded(all.map(\.x) + minima.map(\.x) + lineEnds.map(\.x)), scale: .linear)
        let yAxis = Axis(covering: Self.padded(all.map(\.y) + minima.map(\.y) + lineEnds.map(\.y)), scale: .linear)
        let plot = PlotArea(chartWidth: Self.width, chartHeight: Self.height, xAxis: xAxis, yAxis: yAxis)

        var svg = SVG(width: Self.width, height: Self.height)
        svg.text(title, x: plot.x, y: 24, size: 15, weight: "bold")
        for tick in yAxis.ticks {
            svg.text(yAxis.label(tick), x: plot.x - 8, y: plot.py(tick) + 4, anchor: "end", size: 11, fill: "#555555")
        }
        for tick in xAxis.ticks {
            svg.text(xAxis.label(tick), x: plot.px(tick), y: plot.y + plot.height + 18, anchor: "middle", size: 11, fill: "#555555")
        }
        if let surface {
            let xs = (0..<gridSize).map { xAxis.low + Double($0) / Double(gridSize - 1) * (xAxis.high - xAxis.low) }
            let ys = (0..<gridSize).map { yAxis.low + Double($0) / Double(gridSize - 1) * (yAxis.high - yAxis.low) }
            let values = ys.map { y in xs.map { x in surface(x, y) } }
            for level in Contours.levels(values.flatMap { $0 }, count: levelCount) {
                let segments = Contours.segments(level: level, values: values, xs: xs, ys: ys)
                svg.segments(segments.map { ((plot.px($0.0.0), plot.py($0.0.1)), (plot.px($0.1.0), plot.py($0.1.1))) }, stroke: "#c8c8c8", kind: "contour")
            }
        }
        plot.frame(xLabel: "x", yLabel: "y", into: &svg)
        for line in lines {
            svg.line(x1: plot.px(line.from.x), y1: plot.py(line.from.y), x2: plot.px(line.to.x), y2: plot.py(line.to.y),
                     stroke: Palette.colour(line.index), width: 1, dash: "2 3")
        }
        for (index, path) in paths.enumerated() {
            let points = path.points.filter { $0.x.isFinite && $0.y.isFinite }.map { (plot.px($0.x), plot.py($0.y)) }
            guard let start = points.first, let end = points.last else { continue }
            svg.polyline(points, stroke: Palette.colour(index), dash: Palette.dash(index), label: path.name)
            svg.circle(x: start.0, y: start.1, radius: 5, fill: "#ffffff", stroke: Palette.colour(index), marker: "start")
            svg.circle(x: end.0, y: end.1, radius: 5, fill: Palette.colour(index), stroke: Palette.colour(index), marker: "end")
        }
        for minimum in minima {
            cross(&svg, x: plot.px(minimum.x), y: plot.py(minimum.y))
        }
        plot.legend(paths.map(\.name), into: &svg)
        let legendX = plot.legendX
        let keyY = plot.y + 10 + Double(paths.count) * 20 + 10
        svg.circle(x: legendX + 11, y: keyY, radius: 5, fill: "#ffffff", stroke: "#555555")
        svg.text("start", x: legendX + 28, y: keyY + 4)
        svg.circle(x: legendX + 11, y: keyY + 20, radius: 5, fill: "#555555", stroke: "#555555")
        svg.text("end", x: legendX + 28, y: keyY + 24)
        if !minima.isEmpty {
            cross(&svg, x: legendX + 11, y: keyY + 40)
            svg.text("minimum", x: legendX + 28, y: keyY + 44)
        }
        return svg.text
    }

    /// A black cross of 12 px centred on (x, y): a minimum of the function.
    private func cross(_ svg: inout SVG, x: Double, y: Double) {
        svg.line(x1: x - 6, y1: y - 6, x2: x + 6, y2: y + 6, stroke: "#000000", width: 2.5)
        svg.line(x1: x - 6, y1: y + 6, x2: x + 6, y2: y - 6, stroke: "#000000", width: 2.5)
    }

    /// The values with 10% of their range added on each side (so paths do not touch the frame).
    private static func padded(_ values: [Double]) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return values }
        let pad = high > low ? (high - low) * 0.1 : 0.5
        return [low - pad, high + pad]
    }
}
