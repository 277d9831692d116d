import ExptManifest
import ExptRunner

/// The learning-curve charts of an experiment: for each recorded metric, one series per
/// variant with its median over seeds as a line and the min–max over seeds as a band.
struct CurveCharts {
    let experiment: Experiment
    let records: [RunRecord]

    /// A chart to draw: its file name (without folder) and its SVG text.
    struct Chart {
        let file: String
        let title: String
        let svg: String
    }

    /// One chart per metric that some run recorded: train_loss, val_loss, val_accuracy, lr.
    var charts: [Chart] {
        typealias Curve = (key: String, title: String, value: (EpochMetrics) -> Double?, scale: Axis.Scale, perStep: Bool)
        let metrics: [Curve] = [
            ("train_loss", "Training loss", { $0.trainLoss }, .logarithmic, false),
            ("val_loss", "Validation loss", { $0.validationLoss }, .logarithmic, false),
            ("val_accuracy", "Validation accuracy", { $0.validationAccuracy }, .linear, false),
            ("lr", "Learning rate", { $0.learningRate }, .logarithmic, true),
        ]
        return metrics.compactMap { metric in
            let series = experiment.variants.compactMap { variant in
                Self.series(name: variant.name, runs: records.filter { $0.spec.variant == variant.name },
                            x: metric.perStep ? { Double($0.step) } : { Double($0.epoch) }, value: metric.value)
            }
            guard !series.isEmpty else { return nil }
            // The rate is recorded once per epoch, at its last step: plotted over steps, and said so.
            let title = metric.perStep ? "\(metric.title) at each epoch's last step (median over seeds)"
                : "\(metric.title) (median over seeds, band: min–max)"
            var chart = LineChart(title: title, xLabel: metric.perStep ? "step" : "epoch", yLabel: metric.key, series: series)
            chart.yScale = Self.spansDecades(series) ? metric.scale : .linear
            return Chart(file: "\(metric.key).svg", title: metric.title, svg: chart.svg)
        }
    }

    /// The median and min–max over runs at each x (the epoch, or the step) that at least one run
    /// reached, or nil when no run recorded the metric.
    static func series(name: String, runs: [RunRecord], x: (EpochMetrics) -> Double = { Double($0.epoch) },
                       value: (EpochMetrics) -> Double?) -> LineChart.Series? {
        var byX: [Double: [Double]] = [:]
        for run in runs {
            for epoch in run.epochs {
                if let v = value(epoch), v.isFinite { byX[x(epoch), default: []].append(v) }
            }
        }
        guard !byX.isEmpty else { return nil }
        let xs = byX.keys.sorted()
        let line = xs.map { (x: $0, y: Statistics.median(byX[$0]!)) }
        let band = xs.map { (x: $0, low: byX[$0]!.min()!, high: byX[$0]!.max()!) }
        return LineChart.Series(name: name, line: line, band: runs.count > 1 ? band : [])
    }

    /// Whether the values span more than one decade, so a log axis shows them better.
    private static func spansDecades(_ series: [LineChart.Series]) -> Bool {
        let values = series.flatMap { $0.line.map(\.y) }.filter { $0 > 0 }
        guard let low = values.min(), let high = values.max() else { return false }
        return high / low > 10
    }
}
