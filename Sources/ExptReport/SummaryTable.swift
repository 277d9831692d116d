import ExptManifest

/// summary.csv: one row per run, in the order of the records.
///
/// Columns: those of ``RunKeyColumns`` (`run_id,variant,seed` and the swept settings), then
/// `optimizer,batch_size,epochs` (`batch_size` the examples of one batch, a full batch's too;
/// empty for a 2D test function), then one column per hyperparameter
/// (the union of every run's optimizer hyperparameters, in order of first appearance, empty
/// where a run's optimizer has none by that name), then `schedule`, `clip`, `param_groups` when
/// some run sets them, then `final_train_loss,final_val_loss,final_val_accuracy`, then
/// `test_loss,test_accuracy` when some run has a test set (accuracy for classification only),
/// then `best_<metric>,best_epoch`, `max_grad_norm` and `sharpness` when recorded, and `steps,seconds,status`.
/// `epochs` is the number the run was configured for; `steps` the optimizer steps it took.
struct SummaryTable {
    let outcomes: [RunOutcome]
    let compare: Comparison
    let keys: RunKeyColumns

    var csv: String {
        let hyperparameterNames = Self.unionOfNames(outcomes.map { $0.record.spec.config.optimizer.hyperparameters })
        let settings = settingColumns(), norms = normColumns()
        let testColumns = TestColumn.present(in: outcomes.map(\.record))
        let header = keys.header + ["optimizer", "batch_size", "epochs"] + hyperparameterNames + settings.map(\.name)
            + ["final_train_loss", "final_val_loss", "final_val_accuracy"] + testColumns.map(\.name)
            + ["best_\(compare.metric.rawValue)", "best_epoch"] + norms.map(\.name) + ["steps", "seconds", "status"]
        return outcomes.reduce(CSV.line(header)) { text, outcome in
            text + CSV.line(row(outcome, hyperparameterNames: hyperparameterNames, settings: settings,
                                testColumns: testColumns, norms: norms))
        }
    }

    private func row(
        _ outcome: RunOutcome, hyperparameterNames: [String], settings: [OptionalColumn],
        testColumns: [TestColumn], norms: [OptionalColumn]
    ) -> [String] {
        let spec = outcome.record.spec
        let values = Dictionary(spec.config.optimizer.hyperparameters, uniquingKeysWith: { first, _ in first })
        return keys.cells(spec) + [spec.config.optimizer.name, keys.batchSize(spec.config), "\(spec.config.train.epochs)"]
            + hyperparameterNames.map { values[$0] ?? "" }
            + settings.map { $0.cell(outcome) }
            + [CSV.number(outcome.finalValue(of: .trainLoss)),
               CSV.number(outcome.finalValue(of: .validationLoss)),
               CSV.number(outcome.finalValue(of: .validationAccuracy))]
            + testColumns.map { CSV.number($0.value(in: outcome.record)) }
            + [CSV.number(outcome.best?.value),
               CSV.number(outcome.best?.epoch)]
            + norms.map { $0.cell(outcome) }
            + [CSV.number(outcome.steps),
               CSV.number(outcome.record.seconds),
               outcome.record.status.description]
    }

    /// Every name in `lists`, once, in order of first appearance.
    static func unionOfNames(_ lists: [[(name: String, value: String)]]) -> [String] {
        var seen: Set<String> = []
        return lists.flatMap { $0.map(\.name) }.filter { seen.insert($0).inserted }
    }
}
