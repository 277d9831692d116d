import ExptManifest
import ExptStore

/// metrics.csv: every recorded value in tidy long format, one line per run, epoch and metric.
///
/// Columns: those of ``RunKeyColumns`` (`run_id,variant,seed` and the swept settings), then
/// `epoch,step,metric,value`, so that `(run_id, epoch, metric)` is unique; the metrics are `train_loss`,
/// `val_loss`, `val_accuracy` (left out when not recorded), `lr` (the rate of the epoch's
/// last step), `grad_norm_mean` and `grad_norm_max` (the global gradient norm before clipping,
/// over the epoch's steps) and `seconds` (elapsed since the run started), in that order, run
/// by run in the order of the records.
struct MetricsTable {
    let records: [RunRecord]
    let keys: RunKeyColumns

    var csv: String {
        var text = CSV.line(keys.header + ["epoch", "step", "metric", "value"])
        for record in records {
            let key = keys.cells(record.spec)
            for epoch in record.epochs {
                for case let (metric, value?) in epoch.namedValues {
                    text += CSV.line(key + ["\(epoch.epoch)", "\(epoch.step)", metric, CSV.number(value)])
                }
            }
        }
        return text
    }
}
