import ExptStore

/// The training loss along the line θ(α) = (1 − α) θ₀ + α θ₁ from each run's initial weights
/// (α = 0) to its final weights (α = 1), beyond both ends where the manifest asks
/// (`analysis.interpolate`): one series per variant, its median over seeds as a line and the
/// min–max as a band. A monotone fall from α = 0 to 1 says that nothing in the way was hard;
/// a bump, that the optimizer went around a barrier (Goodfellow et al. 2015).
enum LandscapeChart: ChartKind {
    static let name = "landscape"

    /// Some run interpolated its loss.
    static func applies(to results: ChartResults) -> Bool {
        !series(results.variants).isEmpty
    }

    static func charts(of results: ChartResults) -> [Chart] {
        let series = series(results.variants)
        var chart = LineChart(title: "Training loss from the initial (α = 0) to the final weights (α = 1), median over seeds",
                              xLabel: "α", yLabel: "train_loss", series: series)
        let values = series.flatMap { $0.line.map(\.y) }.filter(\.isFinite)
        if let low = values.min(), let high = values.max(), low > 0, high / low > 10 { chart.yScale = .logarithmic }
        return [Chart(file: "landscape.svg", title: "Loss along the line from the initial to the final weights", svg: chart.svg,
                      caption: "θ(α) = (1 − α) θ₀ + α θ₁; the values are in landscape.csv.")]
    }

    /// Each variant's series over α, in manifest order; variants without a landscape have none.
    private static func series(_ variants: [VariantResult]) -> [LineChart.Series] {
        variants.compactMap { result in
            var byAlpha: [Double: [Double]] = [:]
            for run in result.runs {
                for point in run.record.landscape where point.trainLoss.isFinite {
                    byAlpha[point.alpha, default: []].append(point.trainLoss)
                }
            }
            guard !byAlpha.isEmpty else { return nil }
            let alphas = byAlpha.keys.sorted()
            let band = alphas.map { (x: $0, low: byAlpha[$0]!.min()!, high: byAlpha[$0]!.max()!) }
            return LineChart.Series(name: result.name, line: alphas.map { (x: $0, y: Statistics.median(byAlpha[$0]!)) },
                                    band: result.runs.count > 1 ? band : [])
        }
    }
}
