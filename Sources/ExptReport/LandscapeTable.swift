import ExptStore

/// landscape.csv, written when some run interpolated its loss (`analysis.interpolate`): the loss
/// along θ(α) = (1 − α) θ₀ + α θ₁ in tidy long format, one line per run, α and split.
///
/// Columns: those of ``RunKeyColumns``, then `path,alpha,split,loss`: `path` is `initial-final`
/// (θ₀ the run's initial weights, θ₁ its final ones), `split` is `train` or `val` (left out
/// where the run has no validation loss), run by run in the order of the records, α ascending.
/// Then the lines between the final weights of pairs of variants (`analysis.interpolate.between`),
/// pair by pair and seed by seed: `path` is `<a>→<b>` (θ₀ the final weights of `a`'s run, θ₁ those
/// of `b`'s run with the same seed), the key columns those of `a`'s run.
struct LandscapeTable {
    let records: [RunRecord]
    var pairs: [PairLandscape] = []
    let keys: RunKeyColumns

    static let initialToFinal = "initial-final"

    /// Nil when no run and no pair has a landscape.
    var csv: String? {
        guard records.contains(where: { !$0.landscape.isEmpty }) || !pairs.isEmpty else { return nil }
        var text = CSV.line(keys.header + ["path", "alpha", "split", "loss"])
        for record in records {
            text += lines(keys.cells(record.spec), path: Self.initialToFinal, record.landscape)
        }
        for pair in pairs {
            guard let record = records.first(where: { $0.spec.variant == pair.pair.first && $0.spec.seed == pair.seed }) else { continue }
            text += lines(keys.cells(record.spec), path: pair.pair.pathName, pair.points)
        }
        return text
    }

    private func lines(_ key: [String], path: String, _ points: [LandscapePoint]) -> String {
        var text = ""
        for point in points {
            for case let (split, loss?) in [("train", point.trainLoss), ("val", point.validationLoss)] {
                text += CSV.line(key + [path, CSV.number(point.alpha), split, CSV.number(loss)])
            }
        }
        return text
    }
}
