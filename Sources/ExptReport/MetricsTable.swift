import ExptManifest
import ExptStore

/// metrics.csv: every recorded value in tidy long format, one line per run, epoch and metric.
///
/// Columns: those of ``RunKeyColumns`` (`run_id,variant,seed` and the swept settings), then
/// `epoch,step,metric,value`, so that `(run_id, epoch, metric)` is unique; the metrics are `train_loss`,
/// `val_loss`, `val_accuracy`, `train_eval_loss`, `train_accuracy` (each left out when not recorded), `lr` (the rate of the epoch's
/// last step), `grad_norm_mean` and `grad_norm_max` (the global gradient norm before clipping,
/// over the epoch's steps), `sharpness` (λ_max of the loss's Hessian, where `analysis.sharpness`
/// measured it) and `seconds` (elapsed since the run started), in that order, then
/// with `train.layer_stats` each layer's `layer_grad_norm/<index>.<kind>`,
/// `layer_param_norm/…` and `layer_update_ratio/…` (``LayerEpochStatistics``), layer by layer,
/// run by run in the order of the records.
struct MetricsTable {
    let records: [RunRecord]
    let keys: RunKeyColumns

    var csv: String {
        var text = CSV.line(keys.header + ["epoch", "step", "metric", "value"])
        for record in records {
            let key = keys.cells(record.spec)
            let layers = Dictionary(grouping: record.layers, by: \.epoch)
            for epoch in record.epochs {
                let layerValues = (layers[epoch.epoch] ?? []).flatMap(\.namedValues)
                for case let (metric, value?) in epoch.namedValues + layerValues {
                    text += CSV.line(key + ["\(epoch.epoch)", "\(epoch.step)", metric, CSV.number(value)])
                }
            }
        }
        return text
    }
}
