import ExptManifest
import ExptStore

/// A learning curve: one recorded metric against the epoch (against the step on a 2D test
/// function), one series per variant with its median over seeds as a line and the min–max over
/// seeds as a band. A swept variant's series covers the runs of its chosen sweep point only, as
/// its row of the comparison table does (the sensitivity chart shows the other points).
///
/// A conforming type describes its curve; the chart, its file `<key>.svg` and its caption follow.
protocol LearningCurveChart: ChartKind {
    static var curve: LearningCurve { get }
}

/// The metric a learning-curve chart draws.
struct LearningCurve: Sendable {
    /// The metric's name in metrics.csv, the chart's file name and its y label: `train_loss`.
    let key: String
    /// The chart's title: `Training loss`.
    let title: String
    /// The y scale when the values span more than a decade (otherwise linear).
    let scale: Axis.Scale
    /// Whether the value is recorded once per epoch, at its last step (said in the title, and
    /// the y range padded).
    var atLastStep = false
    /// Whether the chart is drawn for a 2D test function too.
    var drawnForTestFunctions = true
    /// The metric's value in one epoch's record, or nil when the run did not record it.
    let value: @Sendable (EpochMetrics) -> Double?
}

extension LearningCurveChart {
    static var name: String { curve.key }

    /// Some run recorded the metric (a finite value), and the runs are not on a 2D test
    /// function the chart leaves out.
    static func applies(to results: ChartResults) -> Bool {
        (curve.drawnForTestFunctions || !results.overSteps) && !series(of: results).isEmpty
    }

    static func charts(of results: ChartResults) -> [Chart] {
        let series = series(of: results)
        let overSteps = results.overSteps
        let title = curve.atLastStep && !overSteps ? "\(curve.title) at each epoch's last step (median over seeds)"
            : "\(curve.title) (median over seeds, band: min–max)"
        var chart = LineChart(title: title, xLabel: overSteps ? "step" : "epoch", yLabel: curve.key, series: series)
        chart.yScale = spansDecades(series) ? curve.scale : .linear
        chart.padsY = curve.atLastStep
        return [Chart(file: "\(curve.key).svg", title: curve.title, svg: chart.svg, caption: caption(results.variants), lines: chart)]
    }

    /// Each variant's series, in manifest order; variants with no recorded value have none.
    private static func series(of results: ChartResults) -> [LineChart.Series] {
        let x: (EpochMetrics) -> Double = results.overSteps ? { Double($0.step) } : { Double($0.epoch) }
        return results.variants.compactMap { result in
            series(name: result.name, runs: result.runs.map(\.record), x: x, value: curve.value)
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

    /// Under the chart, when some variants are swept: which runs their lines show.
    private static func caption(_ variants: [VariantResult]) -> String? {
        let swept = variants.compactMap { result in
            result.tuning.map { "\(Markdown.inline(result.name)) at \(Markdown.inline(TuningChoice.text($0.chosen.settings)))" }
        }
        guard !swept.isEmpty else { return nil }
        return "Swept variants are drawn with the runs of their chosen sweep point only (" + swept.joined(separator: "; ")
            + "); the sensitivity chart shows every point."
    }

    /// Whether the values span more than one decade, so a log axis shows them better.
    private static func spansDecades(_ series: [LineChart.Series]) -> Bool {
        let values = series.flatMap { $0.line.map(\.y) }.filter { $0 > 0 }
        guard let low = values.min(), let high = values.max() else { return false }
        return high / low > 10
    }
}
