import ExptManifest
import ExptStore

/// The learning-curve charts of an experiment: for each recorded metric, one series per
/// variant with its median over seeds as a line and the min–max over seeds as a band. A swept
/// variant's series covers the runs of its chosen sweep point only, as its row of the
/// comparison table does (the sensitivity chart shows the other points).
struct CurveCharts {
    /// Each variant's runs, a swept variant's at its chosen point, in manifest order.
    let results: [VariantResult]
    /// Whether the runs optimise a 2D test function: every chart is drawn over steps (an
    /// "epoch" is a recorded step), and there is no validation loss (it is the function's value,
    /// the training loss again).
    var overSteps = false

    /// A chart to draw: its file name (without folder), its title, its SVG text, and what the
    /// report says under it (nil for nothing).
    struct Chart {
        let file: String
        let title: String
        let svg: String
        var caption: String? = nil
    }

    /// Under each learning-curve chart of an experiment with swept variants: which runs their
    /// lines show. Nil without a swept variant.
    var caption: String? {
        let swept = results.compactMap { result in
            result.tuning.map { "\(Markdown.inline(result.name)) at \(Markdown.inline(TuningChoice.text($0.chosen.settings)))" }
        }
        guard !swept.isEmpty else { return nil }
        return "Swept variants are drawn with the runs of their chosen sweep point only (" + swept.joined(separator: "; ")
            + "); the sensitivity chart shows every point."
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
        return metrics.filter { !(overSteps && $0.key == "val_loss") }.compactMap { metric in
            let series = results.compactMap { result in
                Self.series(name: result.name, runs: result.runs.map(\.record),
                            x: overSteps ? { Double($0.step) } : { Double($0.epoch) }, value: metric.value)
            }
            guard !series.isEmpty else { return nil }
            // The rate is recorded once per epoch, at its last step, and said so.
            let title = metric.perStep && !overSteps ? "\(metric.title) at each epoch's last step (median over seeds)"
                : "\(metric.title) (median over seeds, band: min–max)"
            var chart = LineChart(title: title, xLabel: overSteps ? "step" : "epoch", yLabel: metric.key, series: series)
            chart.yScale = Self.spansDecades(series) ? metric.scale : .linear
            chart.padsY = metric.perStep
            return Chart(file: "\(metric.key).svg", title: metric.title, svg: chart.svg, caption: caption)
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
