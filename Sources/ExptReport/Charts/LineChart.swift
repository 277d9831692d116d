/// A chart of one or more series over a shared x axis: each series a line (its median) with
/// an optional shaded band (its min–max), axes with ticks and labels, a title and a legend.
struct LineChart {
    /// One named series: points (x, y) for the line, and optionally (x, low, high) for the band.
    struct Series {
        let name: String
        let line: [(x: Double, y: Double)]
        let band: [(x: Double, low: Double, high: Double)]
    }

    let title: String
    let xLabel: String
    let yLabel: String
    let series: [Series]
    var xScale: Axis.Scale = .linear
    var yScale: Axis.Scale = .linear
    /// Whether the y range reaches beyond the values (a factor 2 on a log axis, 10% of the
    /// range on a linear one), so that lines holding a constant value stay off the frame.
    var padsY = false
    /// Values the y axis covers beyond the series' (0 and 1 for a fraction).
    var coveredY: [Double] = []

    static let width = 720.0
    static let height = 420.0

    /// The chart as a self-contained SVG document.
    var svg: String {
        let xs = series.flatMap { $0.line.map(\.x) + $0.band.map(\.x) }
        var ys = series.flatMap { $0.line.map(\.y) + $0.band.flatMap { [$0.low, $0.high] } }
        if padsY { ys += Self.padding(ys, scale: yScale) }
        ys += coveredY
        let xAxis = Axis(covering: xs, scale: xScale)
        let yAxis = Axis(covering: ys, scale: yScale)
        let plot = PlotArea(chartWidth: Self.width, chartHeight: Self.height, xAxis: xAxis, yAxis: yAxis)
        func visible(_ x: Double, _ y: Double) -> Bool {
            x.isFinite && y.isFinite && (xAxis.scale == .linear || x > 0) && (yAxis.scale == .linear || y > 0)
        }

        var svg = SVG(width: Self.width, height: Self.height)
        svg.text(title, x: plot.x, y: 24, size: 15, weight: "bold")
        // Grid and ticks.
        for tick in yAxis.ticks {
            let y = plot.py(tick)
            svg.line(x1: plot.x, y1: y, x2: plot.x + plot.width, y2: y, stroke: "#e5e5e5")
            svg.text(yAxis.label(tick), x: plot.x - 8, y: y + 4, anchor: "end", size: 11, fill: "#555555")
        }
        for tick in xAxis.ticks {
            let x = plot.px(tick)
            svg.line(x1: x, y1: plot.y, x2: x, y2: plot.y + plot.height, stroke: "#f0f0f0")
            svg.text(xAxis.label(tick), x: x, y: plot.y + plot.height + 18, anchor: "middle", size: 11, fill: "#555555")
        }
        plot.frame(xLabel: xLabel, yLabel: yLabel, into: &svg)
        // Bands first, so every line stays visible above every band.
        for (index, series) in series.enumerated() {
            let band = series.band.filter { visible($0.x, $0.low) && visible($0.x, $0.high) }
            guard band.count > 1 else { continue }
            let upper = band.map { (plot.px($0.x), plot.py($0.high)) }
            let lower = band.reversed().map { (plot.px($0.x), plot.py($0.low)) }
            svg.polygon(upper + lower, fill: Palette.colour(index), opacity: 0.18)
        }
        for (index, series) in series.enumerated() {
            let points = series.line.filter { visible($0.x, $0.y) }.map { (plot.px($0.x), plot.py($0.y)) }
            if points.count == 1 {
                svg.circle(x: points[0].0, y: points[0].1, radius: 3, fill: Palette.colour(index))
            } else {
                svg.polyline(points, stroke: Palette.colour(index), dash: Palette.dash(index), label: series.name)
            }
        }
        plot.legend(series.map(\.name), into: &svg)
        return svg.text
    }

    /// Two values beyond the ends of `values` (see ``padsY``); none when no value is finite.
    private static func padding(_ values: [Double], scale: Axis.Scale) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return [] }
        if scale == .logarithmic && low > 0 { return [low / 2, high * 2] }
        let pad = high > low ? (high - low) * 0.1 : max(abs(high) * 0.1, 1)
        return [low - pad, high + pad]
    }
}
