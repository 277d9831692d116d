import ExptManifest

/// The Details tables of report.md: for each variant, the full statistics of the final
/// compared metric in one table, and in a second the confidence interval, the generalisation
/// gaps, divergence and time to the target (two tables of at most eight columns, which fit
/// the width of GitHub's page).
extension MarkdownReport {
    func details(_ results: [VariantResult]) -> String {
        let compare = experiment.compare
        // A 2D test function has no held-out data, so no generalisation gap.
        let hasGap = experiment.testFunction == nil
        let hasTest = results.contains { $0.testGap != nil }
        let spreadHeader = ["rank", "variant", "seeds", "mean", "std", "median", "min", "max"]
        var header = ["rank", "variant", "95% CI"]
        if hasGap { header.append("val − train loss") }
        if hasTest { header.append("test − train loss") }
        header.append("diverged")
        // A 2D test function records steps as its epochs: one column of them.
        let stepsOnly = experiment.testFunction != nil
        if compare.target != nil { header += ["reached target"] + (stepsOnly ? [] : ["epochs"]) + ["steps", "seconds to target"] }
        var spreadRows: [[String]] = [], rows: [[String]] = []
        for (index, result) in results.enumerated() {
            let final = result.final(compare.metric)
            func cell(_ value: (Spread) -> Double) -> String {
                final.map { Markdown.metric(value($0), decimalsOf: $0.mean) } ?? "—"
            }
            let interval = final?.confidenceInterval.map { range in
                "[\(Markdown.metric(range.lowerBound, decimalsOf: final!.mean)), \(Markdown.metric(range.upperBound, decimalsOf: final!.mean))]"
            } ?? "—"
            let name = Markdown.inline(result.name)
            spreadRows.append(["\(index + 1)", name, "\(result.included.count)", cell(\.mean), cell(\.standardDeviation),
                               cell(\.median), cell(\.minimum), cell(\.maximum)])
            var row = ["\(index + 1)", name, interval]
            if hasGap { row.append(result.validationGap.map(Markdown.interval) ?? "—") }
            if hasTest { row.append(result.testGap.map(Markdown.interval) ?? "—") }
            row.append("\(result.diverged) of \(result.runs.count)")
            if let target = compare.target {
                let times = result.timeToTarget(target, compare: compare)
                row.append("\(times.reached) of \(times.runs)")
                if !stepsOnly { row.append(times.epochs.map(Markdown.number) ?? "not reached") }
                row += [times.steps.map(Markdown.number) ?? (stepsOnly ? "not reached" : "—"), times.seconds.map(Markdown.seconds) ?? "—"]
            }
            rows.append(row)
        }
        let target = compare.target.map { target in
            " Time to target: the first epoch whose \(compare.metric.rawValue) is \(compare.goal == .maximize ? "at least" : "at most") "
                + "\(Markdown.number(target)), as the median over the runs that reached it (epochs, optimizer steps and seconds since the run started)."
        } ?? ""
        let gap = hasGap
            ? " Generalisation gap: final validation (or test) loss minus the final epoch's mean training loss, mean ± 95% CI half-width."
            : ""
        return """
            ## Details

            Final \(compare.metric.rawValue) over the completed seeds: mean, sample standard deviation, median and range; \
            then the 95% confidence interval of the mean.\(gap)\(target)

            \(Markdown.table(header: spreadHeader, alignRight: spreadHeader.indices.map { $0 != 1 }, rows: spreadRows))
            \(Markdown.table(header: header, alignRight: header.indices.map { $0 != 1 }, rows: rows))
            """
    }
}
