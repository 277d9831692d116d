import ExptStore

/// A per-layer chart of one statistic of `train.layer_stats` (``LayerEpochStatistics``): one
/// chart per variant, `<key>_<variant>.svg`, one line per layer with parameters (the median
/// over seeds of the epoch's value, band: min–max), against the epoch, on a log axis.
///
/// A conforming type names its statistic; the charts, their files and titles follow.
protocol LayerStatisticChart: ChartKind {
    /// The metric's name in metrics.csv without the layer (`layer_grad_norm`), and the files' prefix.
    static var key: String { get }
    /// What the chart shows, after the variant's name: `gradient norm per layer`.
    static var title: String { get }
    /// The statistic in one row, or nil when the run did not record it.
    static func value(_ row: LayerEpochStatistics) -> Double?
}

extension LayerStatisticChart {
    static var name: String { key }

    /// Some run recorded layer statistics.
    static func applies(to results: ChartResults) -> Bool {
        results.variants.contains { $0.runs.contains { !$0.record.layers.isEmpty } }
    }

    static func charts(of results: ChartResults) -> [Chart] {
        results.variants.compactMap { result in
            let runs = result.runs.map(\.record).filter { !$0.layers.isEmpty }
            var names: [String] = []
            var values: [String: [Int: [Double]]] = [:]
            for row in runs.flatMap(\.layers) {
                guard let value = value(row), value.isFinite, value > 0 else { continue }
                if values[row.layerName] == nil { names.append(row.layerName) }
                values[row.layerName, default: [:]][row.epoch, default: []].append(value)
            }
            let series = names.map { name in
                let byEpoch = values[name]!
                let epochs = byEpoch.keys.sorted()
                return LineChart.Series(
                    name: "layer \(name)",
                    line: epochs.map { (x: Double($0), y: Statistics.median(byEpoch[$0]!)) },
                    band: runs.count > 1 ? epochs.map { (x: Double($0), low: byEpoch[$0]!.min()!, high: byEpoch[$0]!.max()!) } : [])
            }
            guard !series.isEmpty else { return nil }
            var chart = LineChart(title: "\(result.name): \(title) (median over seeds, band: min–max)",
                                  xLabel: "epoch", yLabel: key, series: series)
            chart.yScale = .logarithmic
            let file = key + "_" + String(result.name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }) + ".svg"
            return Chart(file: file, title: "\(title.prefix(1).uppercased() + title.dropFirst()): \(result.name)", svg: chart.svg)
        }
    }
}
