import Foundation
import ExptManifest
import ExptStore

/// The results of an experiment as files: summary.csv, metrics.csv and report.md, built
/// from the run records alone (the report never reruns or reads tensors).
public struct Report: Sendable {
    public let experiment: Experiment
    public let records: [RunRecord]
    public let context: ReportContext
    /// Declared runs with no stored result (not yet trained), listed by the report.
    public let missing: [RunSpec]
    /// The 2D test function the runs optimised, for the contours under their trajectories; nil
    /// draws the trajectories alone.
    public let surface: SurfaceFunction?
    /// The results folder's record of the data files (``RecordedData``): the report never reads them.
    public let data: RecordedData
    /// The stored lines between the final weights of `analysis.interpolate.between`'s pairs.
    public let pairs: [PairLandscape]

    public init(
        experiment: Experiment, records: [RunRecord], context: ReportContext, missing: [RunSpec] = [],
        surface: SurfaceFunction? = nil, data: RecordedData = RecordedData(datasets: []), pairs: [PairLandscape] = []
    ) {
        self.experiment = experiment
        self.records = records
        self.context = context
        self.missing = missing
        self.surface = surface
        self.data = data
        self.pairs = pairs
    }

    private var outcomes: [RunOutcome] {
        records.map { RunOutcome($0, comparing: experiment.compare) }
    }

    /// One row per run, in the order of the records (see `SummaryTable` for the columns).
    public func summaryCSV() -> String {
        SummaryTable(outcomes: outcomes, compare: experiment.compare, keys: keyColumns).csv
    }

    /// Every epoch's metrics in tidy long format: `run_id,variant,seed`, the swept settings,
    /// then `epoch,step,metric,value`.
    public func metricsCSV() -> String {
        MetricsTable(records: records, keys: keyColumns).csv
    }

    /// The loss from each run's initial to its final weights, and between the final weights of
    /// each pair, when some run or pair interpolated it (see `LandscapeTable` for the columns); nil otherwise.
    public func landscapeCSV() -> String? {
        LandscapeTable(records: records, pairs: pairs, keys: keyColumns).csv
    }

    private var keyColumns: RunKeyColumns {
        RunKeyColumns(records: records, trainingCount: data.trainingCount(of:))
    }

    /// One row per variant with every statistic (see `VariantsTable` for the columns).
    public func variantsCSV() -> String {
        VariantsTable(results: markdownReport.results, compare: experiment.compare).csv
    }

    /// Each `expect:` assertion of the manifest checked against the results, in order.
    public func expectationResults() -> [ExpectationResult] {
        ExpectationResult.check(experiment.expectations, against: markdownReport.results)
    }

    /// The part of the report worth a glance in CI (GitHub's step summary): the experiment's
    /// name, the comparison table with the winner sentence, and the expectations.
    public func stepSummary() -> String {
        let report = markdownReport
        let results = report.results
        return ["# \(Markdown.inline(experiment.name))\n", report.comparison(results), report.expectations(results)]
            .compactMap { $0 }.joined(separator: "\n")
    }

    private var markdownReport: MarkdownReport {
        MarkdownReport(experiment: experiment, outcomes: outcomes, context: context, missing: missing, data: data)
    }

    /// The Markdown report: header, setup, comparison table with the winner, details, tuning,
    /// expectations, excluded runs, missing runs, charts.
    public func markdown() -> String {
        markdown(charts: charts)
    }

    private func markdown(charts: [Chart]) -> String {
        MarkdownReport(experiment: experiment, outcomes: outcomes, context: context, missing: missing, data: data,
                       charts: charts.map { ($0.title, "charts/" + $0.file, $0.caption) }).text
    }

    /// report.html: report.md as one self-contained page with interactive line charts (see ``HTMLReport``).
    public func html() -> String {
        let charts = self.charts
        return html(markdown: markdown(charts: charts), charts: charts)
    }

    private func html(markdown: String, charts: [Chart]) -> String {
        HTMLReport(name: experiment.name, markdown: markdown, charts: charts).text
    }

    /// The SVG charts, written into `charts/` and embedded in report.md by relative links: those
    /// of every kind in ``ChartRegistry`` that applies to the results.
    var charts: [Chart] {
        ChartRegistry.charts(of: chartResults)
    }

    /// What the charts are drawn from.
    var chartResults: ChartResults {
        ChartResults(experiment: experiment, variants: VariantResult.all(experiment: experiment, outcomes: outcomes),
                     ranked: markdownReport.results, surface: surface, pairs: pairs)
    }

    /// Writes summary.csv, metrics.csv, variants.csv, landscape.csv (when some run interpolated
    /// its loss), manifest.yaml (the manifest's text verbatim), report.html, report.md and the
    /// charts (`charts/`) into `directory`, creating it if missing.
    ///
    /// The files are replaced as one set (see ``ReportFiles``): all are written into a fresh
    /// folder first, so a failed write (a full disk) leaves the previous report whole, and
    /// only then moved into place, report.md last.
    public func write(to directory: String) throws(AtomicWrite.Failure) {
        try write(to: directory, writingFile: AtomicWrite.write)
    }

    /// ``write(to:)`` with each file written by `writingFile(text, path)` (a test makes it fail).
    func write(to directory: String, writingFile: (String, String) throws(AtomicWrite.Failure) -> Void) throws(AtomicWrite.Failure) {
        let charts = self.charts
        let markdown = markdown(charts: charts)
        let landscape = landscapeCSV().map { [("landscape.csv", $0)] } ?? []
        let files = [("summary.csv", summaryCSV()), ("metrics.csv", metricsCSV()), ("variants.csv", variantsCSV())] + landscape
            + [("manifest.yaml", experiment.sourceText), ("report.html", html(markdown: markdown, charts: charts)), ("report.md", markdown)]
        try ReportFiles(directory: directory).replace(files: files, charts: charts.map { ($0.file, $0.svg) },
                                                      writingFile: writingFile)
    }
}
