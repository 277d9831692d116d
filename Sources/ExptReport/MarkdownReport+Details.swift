import ExptManifest

/// The Details table of report.md: for each variant, the full statistics of the final
/// compared metric, the generalisation gaps, divergence and time to the target.
extension MarkdownReport {
    func details(_ results: [VariantResult]) -> String {
        let compare = experiment.compare
        let hasTest = results.contains { $0.testGap != nil }
        var header = ["rank", "variant", "seeds", "mean", "std", "median", "min", "max", "95% CI", "val − train loss"]
        if hasTest { header.append("test − train loss") }
        header.append("diverged")
        if compare.target != nil { header += ["reached target", "epochs", "steps", "seconds to target"] }
        let rows = results.enumerated().map { index, result in
            let final = result.final(compare.metric)
            func cell(_ value: (Spread) -> Double) -> String {
                final.map { Markdown.metric(value($0), decimalsOf: $0.mean) } ?? "—"
            }
            let interval = final?.confidenceInterval.map { range in
                "[\(Markdown.metric(range.lowerBound, decimalsOf: final!.mean)), \(Markdown.metric(range.upperBound, decimalsOf: final!.mean))]"
            } ?? "—"
            var row = ["\(index + 1)", Markdown.inline(result.name), "\(result.included.count)", cell(\.mean),
                       cell(\.standardDeviation), cell(\.median), cell(\.minimum), cell(\.maximum), interval,
                       result.validationGap.map(Markdown.interval) ?? "—"]
            if hasTest { row.append(result.testGap.map(Markdown.interval) ?? "—") }
            row.append("\(result.diverged) of \(result.runs.count)")
            if let target = compare.target {
                let times = result.timeToTarget(target, compare: compare)
                row += ["\(times.reached) of \(times.runs)", times.epochs.map(Markdown.number) ?? "not reached",
                        times.steps.map(Markdown.number) ?? "—", times.seconds.map(Markdown.seconds) ?? "—"]
            }
            return row
        }
        let target = compare.target.map { target in
            " Time to target: the first epoch whose \(compare.metric.rawValue) is \(compare.goal == .maximize ? "at least" : "at most") "
                + "\(Markdown.number(target)), as the median over the runs that reached it (epochs, optimizer steps and seconds since the run started)."
        } ?? ""
        return """
            ## Details

            Final \(compare.metric.rawValue) over the completed seeds: mean, sample standard deviation, median, \
            range and the 95% confidence interval of the mean. Generalisation gap: final validation (or test) \
            loss minus the final epoch's mean training loss, mean ± 95% CI half-width.\(target)

            \(Markdown.table(header: header, alignRight: header.indices.map { $0 != 1 }, rows: rows))
            """
    }
}
