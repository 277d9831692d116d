import ExptManifest

/// The Expectations section of report.md: each `expect:` assertion, passed or failed, with
/// the numbers compared.
extension MarkdownReport {
    func expectations(_ results: [VariantResult]) -> String? {
        let checked = ExpectationResult.check(experiment.expectations, against: results)
        guard !checked.isEmpty else { return nil }
        let passed = checked.filter(\.passed).count
        return "## Expectations\n\n\(passed) of \(checked.count) hold (each side: the mean final value over completed seeds).\n\n"
            + checked.map(\.markdownLine).joined()
    }
}
