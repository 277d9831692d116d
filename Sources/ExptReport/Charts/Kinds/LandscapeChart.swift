import ExptStore

/// The training loss along the line θ(α) = (1 − α) θ₀ + α θ₁ from each run's initial weights
/// (α = 0) to its final weights (α = 1), beyond both ends where the manifest asks
/// (`analysis.interpolate`): one series per variant, its median over seeds as a line and the
/// min–max as a band. A monotone fall from α = 0 to 1 says that nothing in the way was hard;
/// a bump, that the optimizer went around a barrier (Goodfellow et al. 2015). With
/// `analysis.interpolate.between`, one series per pair too, `<a>→<b>`: the line from the final
/// weights of `a`'s run (α = 0) to those of `b`'s run with the same seed (α = 1), and the
/// caption gives each pair's barrier (``PairLandscape/barrier``), the median over seeds.
enum LandscapeChart: ChartKind {
    static let name = "landscape"

    /// Some run interpolated its loss.
    static func applies(to results: ChartResults) -> Bool {
        !series(results.variants).isEmpty || !results.pairs.isEmpty
    }

    static func charts(of results: ChartResults) -> [Chart] {
        let series = series(results.variants) + pairSeries(results.pairs)
        var chart = LineChart(title: "Training loss from the initial (α = 0) to the final weights (α = 1), median over seeds",
                              xLabel: "α", yLabel: "train_loss", series: series)
        let values = series.flatMap { $0.line.map(\.y) }.filter(\.isFinite)
        if let low = values.min(), let high = values.max(), low > 0, high / low > 10 { chart.yScale = .logarithmic }
        return [Chart(file: "landscape.svg", title: "Loss along the line from the initial to the final weights", svg: chart.svg,
                      caption: "θ(α) = (1 − α) θ₀ + α θ₁; the values are in landscape.csv." + barriers(results.pairs))]
    }

    /// A sentence per pair with its barrier, max over α ∈ [0, 1] of L(α) − max(L(0), L(1)) of the
    /// training loss, the median over the seeds where it is defined; empty without pairs.
    private static func barriers(_ pairs: [PairLandscape]) -> String {
        var names: [String] = []
        var barriers: [String: [Double]] = [:]
        for pair in pairs {
            if barriers[pair.pair.pathName] == nil { names.append(pair.pair.pathName) }
            barriers[pair.pair.pathName, default: []] += pair.barrier.map { [$0] } ?? []
        }
        return names.map { name in
            let pair = pairs.first { $0.pair.pathName == name }!.pair
            let line = " \(name): from the final weights of \(pair.first) (α = 0) to those of \(pair.second) with the same seed (α = 1); "
            let values = barriers[name]!
            guard !values.isEmpty else { return line + "its barrier is not defined: the points do not include α = 0 and α = 1." }
            return line + "barrier (max over α ∈ [0, 1] of L(α) − max(L(0), L(1)), training loss) \(CSV.number(Statistics.median(values)))"
                + (values.count > 1 ? ", the median over \(values.count) seeds." : ".")
        }.joined()
    }

    /// Each pair's series over α, `<a>→<b>`, in the manifest's order: the median over seeds and the min–max band.
    private static func pairSeries(_ pairs: [PairLandscape]) -> [LineChart.Series] {
        var names: [String] = []
        var byPair: [String: [Double: [Double]]] = [:]
        for pair in pairs {
            if byPair[pair.pair.pathName] == nil { names.append(pair.pair.pathName) }
            for point in pair.points where point.trainLoss.isFinite {
                byPair[pair.pair.pathName, default: [:]][point.alpha, default: []].append(point.trainLoss)
            }
        }
        return names.compactMap { name in series(name, byPair[name] ?? [:], seeds: pairs.filter { $0.pair.pathName == name }.count) }
    }

    /// The median over seeds of `byAlpha` as a line, with the min–max band when there are several seeds.
    private static func series(_ name: String, _ byAlpha: [Double: [Double]], seeds: Int) -> LineChart.Series? {
        guard !byAlpha.isEmpty else { return nil }
        let alphas = byAlpha.keys.sorted()
        let band = alphas.map { (x: $0, low: byAlpha[$0]!.min()!, high: byAlpha[$0]!.max()!) }
        return LineChart.Series(name: name, line: alphas.map { (x: $0, y: Statistics.median(byAlpha[$0]!)) }, band: seeds > 1 ? band : [])
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
            return series(result.name, byAlpha, seeds: result.runs.count)
        }
    }
}
