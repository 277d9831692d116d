import ExptStore

/// Each layer's gradient norm over the epochs (`train.layer_stats`): one chart per variant,
/// `layer_grad_norm_<variant>.svg`, one line per layer with parameters (the median over seeds
/// of the epoch's mean norm, band: min–max), on a log axis — where vanishing gradients show as
/// lines decades apart, the first layers' lowest.
enum LayerGradientNormChart: ChartKind {
    static let name = "layer_grad_norm"

    /// Some run recorded layer statistics.
    static func applies(to results: ChartResults) -> Bool {
        results.variants.contains { $0.runs.contains { !$0.record.layers.isEmpty } }
    }

    static func charts(of results: ChartResults) -> [Chart] {
        results.variants.compactMap { result in
            let runs = result.runs.map(\.record).filter { !$0.layers.isEmpty }
            guard !runs.isEmpty else { return nil }
            var names: [String] = []
            var values: [String: [Int: [Double]]] = [:]
            for row in runs.flatMap(\.layers) where row.gradientNorm.isFinite && row.gradientNorm > 0 {
                if values[row.layerName] == nil { names.append(row.layerName) }
                values[row.layerName, default: [:]][row.epoch, default: []].append(row.gradientNorm)
            }
            let series = names.map { name in
                let epochs = values[name]!.keys.sorted()
                let byEpoch = values[name]!
                return LineChart.Series(
                    name: "layer \(name)",
                    line: epochs.map { (x: Double($0), y: Statistics.median(byEpoch[$0]!)) },
                    band: runs.count > 1 ? epochs.map { (x: Double($0), low: byEpoch[$0]!.min()!, high: byEpoch[$0]!.max()!) } : [])
            }
            guard !series.isEmpty else { return nil }
            var chart = LineChart(title: "\(result.name): gradient norm per layer (median over seeds, band: min–max)",
                                  xLabel: "epoch", yLabel: "layer_grad_norm", series: series)
            chart.yScale = .logarithmic
            let file = "layer_grad_norm_" + String(result.name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }) + ".svg"
            return Chart(file: file, title: "Gradient norm per layer: \(result.name)", svg: chart.svg)
        }
    }
}
