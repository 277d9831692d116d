import ExptManifest

/// The Tuning section of report.md: for each swept variant, the values chosen and from how
/// many points.
extension MarkdownReport {
    func tuning(_ results: [VariantResult]) -> String? {
        let swept = results.filter { $0.tuning != nil }
        guard !swept.isEmpty else { return nil }
        let compare = experiment.compare
        let value = "\(compare.selection == .final ? "final" : "best") \(compare.metric.rawValue)"
        let rows = swept.map { result in
            let tuning = result.tuning!
            return [Markdown.inline(result.name), Markdown.inline(TuningChoice.text(tuning.chosen.settings)),
                    "\(tuning.points.count)", tuning.chosen.score.map(Markdown.interval) ?? "—"]
        }
        let header = ["variant", "chosen", "points tried", value]
        return """
            ## Tuning

            Each swept variant's settings were chosen by the mean over seeds of its \(value) on the \
            validation data, never by a test metric; the tables above give the chosen point over all its \
            seeds (with the test metrics when there is a test set). The same seeds chose the point and are \
            reported, so the validation figures of a swept variant are optimistic; the test metrics are not.

            \(Markdown.table(header: header, alignRight: [false, false, true, true], rows: rows))
            """
    }
}
