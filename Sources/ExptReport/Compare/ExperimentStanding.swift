import ExptManifest
import ExptStore

/// Where each optimizer stands in one experiment of `expt compare`: its rank and score, as the
/// experiment's own report ranks the variants, and how long it took to reach the target.
///
/// An optimizer's runs are those of its variant at the sweep point the tuning chose; when
/// several variants share an optimizer's name (`--by optimizer`), the best-ranked of them
/// stands for it. Its time to the target, in steps and in seconds, is the median over those
/// runs of each run's first epoch whose compared metric reached `compare.target` (at least it
/// when maximised, at most when minimised), a run that never reached it counting as ∞: so the
/// optimizer reached the target when more than half of its runs did (for an even count, when
/// both middle runs did).
struct ExperimentStanding {
    /// One optimizer's standing.
    struct Entry: Equatable {
        /// 1 for the best score; nil without a completed run.
        let rank: Int?
        /// The mean over completed runs of the final compared metric; nil without one.
        let score: Double?
        /// Median optimizer steps to the target; ∞ when it was not reached.
        let steps: Double
        /// Median seconds to the target since the run started; ∞ when it was not reached.
        let seconds: Double
    }

    let name: String
    let compare: Comparison
    let target: Double
    /// By optimizer, those that have a stored run in the experiment.
    let entries: [String: Entry]
    /// The optimizers of `entries` in the manifest's order of their variants.
    let optimizers: [String]

    init(_ compared: ComparedExperiment, grouping: CompareGrouping) throws(StoreError) {
        let compare = compared.experiment.compare
        let target = try compared.target()
        self.target = target
        name = compared.experiment.name
        self.compare = compare
        let outcomes = compared.records.map { RunOutcome($0, comparing: compare) }
        let ranked = VariantResult.ranked(VariantResult.all(experiment: compared.experiment, outcomes: outcomes), by: compare)
        let names = Dictionary(compared.experiment.variants.map { ($0.name, grouping.name(of: $0)) }, uniquingKeysWith: { first, _ in first })
        var entries: [String: Entry] = [:]
        var rank = 0
        for result in ranked where !result.runs.isEmpty {
            let name = names[result.name] ?? result.name
            guard entries[name] == nil else { continue }
            let score = result.final(compare.metric).map(\.mean).flatMap { $0.isNaN ? nil : $0 }
            if score != nil { rank += 1 }
            let times = result.runs.map { Self.timeToTarget($0.record, compare: compare, target: target) }
            entries[name] = Entry(rank: score == nil ? nil : rank, score: score,
                                  steps: Statistics.median(times.map(\.steps)), seconds: Statistics.median(times.map(\.seconds)))
        }
        self.entries = entries
        var optimizers: [String] = []
        for variant in compared.experiment.variants.map(grouping.name(of:)) + ranked.map({ names[$0.name] ?? $0.name })
            where entries[variant] != nil && !optimizers.contains(variant) {
            optimizers.append(variant)
        }
        self.optimizers = optimizers
    }

    /// The step and seconds of the run's first epoch whose compared metric reached `target`;
    /// ∞ for both when none did.
    static func timeToTarget(_ record: RunRecord, compare: Comparison, target: Double) -> (steps: Double, seconds: Double) {
        record.firstEpoch(reaching: target, by: compare).map { (Double($0.step), $0.elapsedSeconds) } ?? (.infinity, .infinity)
    }
}
