import ExptManifest
import ExptStore

/// report.md: the header, the setup, the comparison table with the winner sentence, the
/// details, the tuning choices, the expectations, the runs left out of the means, the declared
/// runs that have no result yet, and the charts.
struct MarkdownReport {
    let experiment: Experiment
    let outcomes: [RunOutcome]
    let context: ReportContext
    var missing: [RunSpec] = []
    /// The record of the data files, for the training examples of a full batch.
    var data = RecordedData(datasets: [])
    /// Each chart's title, its path relative to report.md, and the text under it.
    var charts: [(title: String, path: String, caption: String?)] = []

    var text: String {
        let results = self.results
        return [header, setup, comparison(results), details(results), sharpness(results), tuning(results), expectations(results),
                earlyStops, excludedRuns, missingRuns, chartSection].compactMap { $0 }.joined(separator: "\n")
    }

    /// The charts, embedded by relative links so the folder can be moved or published as is.
    private var chartSection: String? {
        guard !charts.isEmpty else { return nil }
        return "## Charts\n\n" + charts.map { chart in
            "![\(chart.title)](\(chart.path))\n" + (chart.caption.map { "\n\($0)\n" } ?? "")
        }.joined(separator: "\n")
    }

    private var setups: [(name: String, setup: RunSetup)] {
        experiment.variants.map {
            (Markdown.inline($0.name), RunSetup(config: $0.config, trainingCount: data.trainingCount(of: $0.config.data), optimizerName: $0.optimizerName))
        }
    }

    private var header: String {
        var text = "# \(Markdown.inline(experiment.name))\n\n"
        if !experiment.description.isEmpty { text += "\(Markdown.withoutHTML(experiment.description))\n\n" }
        let threads = Set(setups.map(\.setup.config.train.threads)).sorted()
        let perRun = switch threads.count {
        case 0: "no variants"
        case 1: "\(threads[0]) thread\(threads[0] == 1 ? "" : "s") per run"
        default: "threads per run differ by variant (see Setup)"
        }
        let jobs = "\(context.jobs) run\(context.jobs == 1 ? "" : "s") at a time"
        return text + """
            - **Date:** \(Markdown.inline(context.date))
            - **expt version:** \(Markdown.inline(context.exptVersion))
            - **Reproduce:** \(Markdown.code(context.command))
            - **Machine:** \(Markdown.inline(context.machine))
            - **Threads:** \(perRun); \(jobs)

            """
    }

    /// Fields every variant shares as a list (the threads are in the header), then one row
    /// per variant with its optimizer, hyperparameters, batch size and the fields that differ.
    private var setup: String {
        let fields = setups.map { $0.setup.sharedFields }
        let labels = fields.first?.map(\.label) ?? []
        let differing = labels.indices.filter { index in Set(fields.map { $0[index].text }).count > 1 }
        var text = "## Setup\n\n"
        for index in labels.indices where !differing.contains(index) && labels[index] != RunSetup.threadsLabel
            && !fields[0][index].text.isEmpty {
            text += "- **\(labels[index]):** \(Markdown.inline(fields[0][index].text))\n"
        }
        let header = ["variant", "optimizer", "hyperparameters", "batch size"] + differing.map { labels[$0].lowercased() }
        let rows = zip(setups, fields).map { variant, fields in
            [variant.name, variant.setup.optimizer, Markdown.inline(variant.setup.hyperparameters),
             variant.setup.batchSize] + differing.map { Markdown.inline(fields[$0].text) }
        }
        return text + "\n" + Markdown.table(header: header, alignRight: header.map { _ in false }, rows: rows)
    }

    /// The variants' results, swept variants at their chosen point, best first.
    var results: [VariantResult] {
        VariantResult.ranked(VariantResult.all(experiment: experiment, outcomes: outcomes), by: experiment.compare)
    }

    /// The comparison table and the winner sentence; `results` as ranked.
    func comparison(_ results: [VariantResult]) -> String {
        let compare = experiment.compare
        let metric = compare.metric
        let isClassification = outcomes.contains { $0.record.epochs.contains { $0.validationAccuracy != nil } }
        // A 2D test function's validation loss is its value again, the training loss; without a
        // validation set there is none.
        let hasValidationLoss = experiment.testFunction == nil
            && outcomes.contains { $0.record.epochs.contains { $0.validationLoss != nil } }
        var finals: [Metric] = hasValidationLoss ? [.validationLoss] : []
        if isClassification { finals.append(.validationAccuracy) }
        if outcomes.contains(where: { $0.record.epochs.contains { $0.trainAccuracy != nil } }) { finals.append(.trainAccuracy) }
        finals.removeAll { $0 == metric }

        let testColumns = TestColumn.present(in: outcomes.map(\.record))
        // A 2D test function records steps as its epochs.
        let unit = experiment.testFunction == nil ? "epochs" : "steps"
        let targetHeader = compare.target.map { ["\(unit) to \(Markdown.number($0))"] } ?? []
        let header = ["variant", "final \(metric.rawValue)", "median", "best \(metric.rawValue)"]
            + finals.map { "final \($0.rawValue)" } + testColumns.map(\.name) + targetHeader + ["seconds", "seeds"]
        let rows = results.map { result in
            let final = result.final(metric)
            return [Markdown.inline(result.name),
                    final.map(Markdown.interval) ?? "—",
                    final.map { Markdown.metric($0.median, decimalsOf: $0.mean) } ?? "—",
                    result.best.map(Markdown.interval) ?? "—"]
                + finals.map { result.final($0).map(Markdown.interval) ?? "—" }
                + testColumns.map { result.test($0).map(Markdown.interval) ?? "—" }
                + (compare.target.map { [targetCell(result.timeToTarget($0, compare: compare))] } ?? [])
                + [result.seconds.map(Markdown.seconds) ?? "—", seedsCell(result)]
        }
        let direction = compare.goal == .maximize ? "higher is better" : "lower is better"
        return """
            ## Comparison

            Mean ± half-width of the 95% confidence interval of the mean over seeds (Student t; one \
            seed shows the mean alone), and the median of the final value; best first by mean final \
            \(metric.rawValue) (\(direction)). Diverged and failed runs are left out of the means.

            \(Markdown.table(header: header, alignRight: header.indices.map { $0 > 0 }, rows: rows))
            \(WinnerSentence.text(ranked: results, metric: metric, deterministic: experiment.testFunction != nil))

            """
    }

    /// `3 (2 of 3)`: the median epoch at which the runs that reached the target did, and how
    /// many did; `not reached (0 of 3)`.
    func targetCell(_ times: VariantResult.TargetTimes) -> String {
        let count = "(\(times.reached) of \(times.runs))"
        guard let epochs = times.epochs else { return "not reached \(count)" }
        return "\(Markdown.number(epochs)) \(count)"
    }

    /// `n`, or `n of N` when fewer than all of the variant's seeds count in its means.
    private func seedsCell(_ result: VariantResult) -> String {
        let all = max(result.declaredSeeds, result.runs.count)
        let counted = result.included.count
        return counted == all ? "\(counted)" : "\(counted) of \(all)"
    }

    private var excludedRuns: String? {
        let lines = outcomes.compactMap { outcome in
            outcome.exclusionReason.map {
                "- **\(Markdown.inline(outcome.record.spec.variant))**, seed \(outcome.record.spec.seed): \(Markdown.inline($0))\n"
            }
        }
        guard !lines.isEmpty else { return nil }
        return "## Runs left out of the means\n\n" + lines.joined()
    }

    private var missingRuns: String? {
        guard !missing.isEmpty else { return nil }
        let declared = experiment.variants.count * experiment.seeds.count
        let lines = missing.map { "- **\(Markdown.inline($0.variant))**, seed \($0.seed)\n" }
        return "## Runs not trained yet\n\n\(missing.count) of \(declared) declared runs have no result; "
            + "`expt run` with the same manifest trains them and keeps the others.\n\n" + lines.joined()
    }
}
