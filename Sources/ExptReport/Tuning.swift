import ExptManifest

/// The tuning protocol for a variant swept over several hyperparameter settings: each sweep
/// point is scored by the compared metric on the validation data (the mean over its completed
/// seeds of the final or best value, as `compare.selection` says), never by a test metric;
/// the best point is chosen, and the report gives that point's statistics over all its seeds.
struct TuningChoice {
    /// One sweep point: its settings and the spread over seeds of its selection value.
    struct Point {
        let settings: [SweepSetting]
        let score: Spread?
    }

    /// Every point tried, in order of first appearance in the records.
    let points: [Point]
    /// The index in `points` of the chosen one.
    let chosenIndex: Int

    var chosen: Point { points[chosenIndex] }

    /// The choice among the sweep points of one variant's runs, or nil when the runs carry no
    /// sweep settings, or no point has a completed run. Ties go to the first point.
    init?(runs: [RunOutcome], compare: Comparison) {
        guard runs.contains(where: { !$0.record.spec.sweep.isEmpty }) else { return nil }
        var settings: [[SweepSetting]] = []
        for run in runs where !settings.contains(run.record.spec.sweep) { settings.append(run.record.spec.sweep) }
        points = settings.map { point in
            let values = runs.filter { $0.record.spec.sweep == point && $0.isIncluded }
                .compactMap { Self.selectionValue($0, compare: compare) }
            return Point(settings: point, score: Spread(values))
        }
        let scores = points.map { $0.score.map(\.mean) ?? .nan }
        guard let best = Statistics.best(scores, by: compare.goal) else { return nil }
        chosenIndex = best.index
    }

    /// The value of a run that scores its sweep point: the compared metric's final value, or
    /// its best over the epochs.
    static func selectionValue(_ run: RunOutcome, compare: Comparison) -> Double? {
        switch compare.selection {
        case .final: run.finalValue(of: compare.metric)
        case .best: run.best?.value
        }
    }

    /// `optimizer.lr 0.01, optimizer.momentum 0.9`.
    static func text(_ settings: [SweepSetting]) -> String {
        settings.map { "\($0.keyPath) \($0.value)" }.joined(separator: ", ")
    }
}
