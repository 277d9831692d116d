/// The chart of performance profiles: ρ(τ) of each optimizer as a step function over τ on a
/// log axis from 1 to ``PerformanceProfile/largestTau`` (rounded up to 1, 2 or 5 × 10^k), the
/// fraction on a linear axis from 0 to 1.
enum ProfileChart {
    static func svg(_ profile: PerformanceProfile, optimizers: [String], measure: String) -> String {
        // The lines run to the axis's end, ``PerformanceProfile/largestTau`` rounded up.
        let end = Axis(covering: [1, profile.largestTau], scale: .logarithmic).high
        let series = optimizers.compactMap { optimizer -> LineChart.Series? in
            guard let start = profile.fraction(optimizer, within: 1) else { return nil }
            var line = [(x: 1.0, y: start)]
            for tau in profile.steps(optimizer) where tau > 1 {
                line.append((tau, line[line.count - 1].y))
                line.append((tau, profile.fraction(optimizer, within: tau)!))
            }
            line.append((end, line[line.count - 1].y))
            return LineChart.Series(name: optimizer, line: line, band: [])
        }
        var chart = LineChart(title: "Performance profiles: \(measure) to the target", xLabel: "τ (times the fastest optimizer's \(measure))",
                              yLabel: "fraction of experiments", series: series, xScale: .logarithmic)
        chart.coveredY = [0, 1]
        return chart.svg
    }
}
