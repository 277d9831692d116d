import ExptManifest

/// One variant's runs and their statistics over seeds, as the comparison table shows them.
///
/// For a swept variant, `runs` are those of the sweep point the tuning protocol chose, and
/// `tuning` records the choice.
struct VariantResult {
    let name: String
    /// The variant's recorded runs that the statistics cover (at the chosen sweep point), in
    /// the order of the records.
    let runs: [RunOutcome]
    /// The number of seeds the experiment declares for every variant.
    let declaredSeeds: Int
    /// How the sweep point was chosen, for a swept variant; nil otherwise.
    var tuning: TuningChoice? = nil

    /// The runs that count in the means: those that completed.
    var included: [RunOutcome] {
        runs.filter(\.isIncluded)
    }

    /// The spread over included runs of the last epoch's `metric`.
    func final(_ metric: Metric) -> Spread? {
        Spread(included.compactMap { $0.finalValue(of: metric) })
    }

    /// The spread over included runs of the final model's test loss or accuracy.
    func test(_ column: TestColumn) -> Spread? {
        Spread(included.compactMap { column.value(in: $0.record) })
    }

    /// The spread over included runs of each run's best value of the compared metric.
    var best: Spread? {
        Spread(included.compactMap { $0.best?.value })
    }

    /// The spread over included runs of their wall-clock seconds.
    var seconds: Spread? {
        Spread(included.map(\.record.seconds))
    }

    /// The results of every variant of `experiment`, in manifest order, then any variant that
    /// appears only in the records, in order of first appearance. A swept variant keeps the
    /// runs of its chosen sweep point.
    static func all(experiment: Experiment, outcomes: [RunOutcome]) -> [VariantResult] {
        var names = experiment.variants.map(\.name)
        for outcome in outcomes where !names.contains(outcome.record.spec.variant) {
            names.append(outcome.record.spec.variant)
        }
        return names.map { name in
            let runs = outcomes.filter { $0.record.spec.variant == name }
            guard let tuning = TuningChoice(runs: runs, compare: experiment.compare) else {
                return VariantResult(name: name, runs: runs, declaredSeeds: experiment.seeds.count)
            }
            return VariantResult(name: name, runs: runs.filter { $0.record.spec.sweep == tuning.chosen.settings },
                                 declaredSeeds: experiment.seeds.count, tuning: tuning)
        }
    }

    /// `results` sorted best first by the mean final value of the compared metric, by its
    /// goal; variants without a completed run (or with a mean that is not a number) last;
    /// ties keep their order.
    static func ranked(_ results: [VariantResult], by compare: Comparison) -> [VariantResult] {
        let keyed = results.enumerated().map { position, result in
            (position, result, key: result.final(compare.metric).map(\.mean).flatMap { $0.isNaN ? nil : $0 })
        }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (x?, y?) where x != y: compare.goal.prefers(x, over: y)
            case (_?, nil): true
            case (nil, _?): false
            default: a.0 < b.0
            }
        }.map(\.1)
    }
}
