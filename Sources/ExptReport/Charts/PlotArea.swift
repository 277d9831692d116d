/// Where a chart draws: the rectangle inside fixed margins (room for the title above, the tick
/// labels on the left and below, the legend on the right), with its two axes mapped onto it.
struct PlotArea {
    private static let margin = (left: 72.0, right: 170.0, top: 40.0, bottom: 52.0)

    let x: Double
    let y: Double
    let width: Double
    let height: Double
    let xAxis: Axis
    let yAxis: Axis
    /// The whole chart's height, to place the x axis's label at its foot.
    let chartHeight: Double

    /// The plot rectangle of a chart `chartWidth` × `chartHeight` pixels.
    init(chartWidth: Double, chartHeight: Double, xAxis: Axis, yAxis: Axis) {
        let m = Self.margin
        (x, y, width, height) = (m.left, m.top, chartWidth - m.left - m.right, chartHeight - m.top - m.bottom)
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.chartHeight = chartHeight
    }

    /// The left edge of the legend.
    var legendX: Double {
        x + width + 16
    }

    /// The pixel column of the value `value` on the x axis.
    func px(_ value: Double) -> Double {
        x + xAxis.fraction(value) * width
    }

    /// The pixel row of the value `value` on the y axis (up is larger).
    func py(_ value: Double) -> Double {
        y + (1 - yAxis.fraction(value)) * height
    }

    /// The frame around the plot and the axes' labels, below it and left of it (turned).
    func frame(xLabel: String, yLabel: String, into svg: inout SVG) {
        svg.rect(x: x, y: y, width: width, height: height, fill: "none", stroke: "#888888")
        svg.text(xLabel, x: x + width / 2, y: chartHeight - 12, anchor: "middle")
        svg.text(yLabel, x: 18, y: y + height / 2, anchor: "middle", rotate: -90)
    }

    /// The legend to the right of the plot: one line in each series' colour and dash, and its name.
    func legend(_ names: [String], into svg: inout SVG) {
        for (index, name) in names.enumerated() {
            let y = self.y + 10 + Double(index) * 20
            svg.line(x1: legendX, y1: y, x2: legendX + 22, y2: y, stroke: Palette.colour(index), width: 3, dash: Palette.dash(index))
            svg.text(name, x: legendX + 28, y: y + 4)
        }
    }
}
