import ExptStore

/// landscape.csv, written when some run interpolated its loss (`analysis.interpolate`): the loss
/// along θ(α) = (1 − α) θ₀ + α θ₁ in tidy long format, one line per run, α and split.
///
/// Columns: those of ``RunKeyColumns``, then `path,alpha,split,loss`: `path` is `initial-final`
/// (θ₀ the run's initial weights, θ₁ its final ones), `split` is `train` or `val` (left out
/// where the run has no validation loss), run by run in the order of the records, α ascending.
struct LandscapeTable {
    let records: [RunRecord]
    let keys: RunKeyColumns

    static let initialToFinal = "initial-final"

    /// Nil when no run has a landscape.
    var csv: String? {
        guard records.contains(where: { !$0.landscape.isEmpty }) else { return nil }
        var text = CSV.line(keys.header + ["path", "alpha", "split", "loss"])
        for record in records {
            let key = keys.cells(record.spec)
            for point in record.landscape {
                for case let (split, loss?) in [("train", point.trainLoss), ("val", point.validationLoss)] {
                    text += CSV.line(key + [Self.initialToFinal, CSV.number(point.alpha), split, CSV.number(loss)])
                }
            }
        }
        return text
    }
}
