import ExptManifest

/// variants.csv: one row per variant, best first, with every statistic of the report.
///
/// Columns (the same for every experiment; a value that does not exist is an empty cell):
/// `rank,variant,runs,completed,diverged,failed`, then for the compared metric `m`
/// `final_<m>_mean,_std,_median,_min,_max,_ci_low,_ci_high` (the 95% confidence interval of the
/// mean, Student t), `best_<m>_mean`, then the means of the two of `final_train_loss,
/// final_val_loss,final_val_accuracy` other than `m`, and of `test_loss,test_accuracy`, `val_gap_mean,test_gap_mean` (validation or test
/// loss minus final training loss), `seconds_mean`, `target_reached,epochs_to_target,
/// steps_to_target,seconds_to_target` (medians over the runs that reached `compare.target`),
/// and `sweep_points,chosen` for swept variants. Statistics cover the completed runs at the
/// chosen sweep point; `runs`, `diverged` and `failed` count that point's runs.
struct VariantsTable {
    let results: [VariantResult]
    let compare: Comparison

    /// The final means besides the compared metric's, which has its own columns.
    private var otherFinals: [Metric] {
        [.trainLoss, .validationLoss, .validationAccuracy].filter { $0 != compare.metric }
    }

    var csv: String {
        let m = compare.metric.rawValue
        let header = ["rank", "variant", "runs", "completed", "diverged", "failed"]
            + ["mean", "std", "median", "min", "max", "ci_low", "ci_high"].map { "final_\(m)_\($0)" }
            + ["best_\(m)_mean"] + otherFinals.map { "final_\($0.rawValue)_mean" }
            + ["test_loss_mean", "test_accuracy_mean", "val_gap_mean", "test_gap_mean", "seconds_mean",
               "target_reached", "epochs_to_target", "steps_to_target", "seconds_to_target", "sweep_points", "chosen"]
        return results.enumerated().reduce(CSV.line(header)) { text, item in
            text + CSV.line(row(rank: item.offset + 1, item.element))
        }
    }

    private func row(rank: Int, _ result: VariantResult) -> [String] {
        let final = result.final(compare.metric)
        let failed = result.runs.filter { if case .failed = $0.record.status { true } else { false } }.count
        let times = compare.target.map { result.timeToTarget($0, compare: compare) }
        let counts: [String] = [String(rank), result.name, String(result.runs.count), String(result.included.count),
                                String(result.diverged), String(failed)]
        let spread: [Double?] = [final?.mean, final?.standardDeviation, final?.median, final?.minimum, final?.maximum,
                                 final?.confidenceInterval?.lowerBound, final?.confidenceInterval?.upperBound]
        let means: [Double?] = [result.best?.mean] + otherFinals.map { result.final($0)?.mean }
            + [result.test(.loss)?.mean, result.test(.accuracy)?.mean, result.validationGap?.mean, result.testGap?.mean,
               result.seconds?.mean]
        let target: [String] = [times.map { String($0.reached) } ?? "", CSV.number(times?.epochs),
                                CSV.number(times?.steps), CSV.number(times?.seconds)]
        let sweep: [String] = [result.tuning.map { String($0.points.count) } ?? "",
                               result.tuning.map { TuningChoice.text($0.chosen.settings) } ?? ""]
        return counts + spread.map(CSV.number) + means.map(CSV.number) + target + sweep
    }
}
