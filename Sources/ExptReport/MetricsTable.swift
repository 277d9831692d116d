import ExptManifest
import ExptRunner

/// metrics.csv: every recorded value in tidy long format, one line per run, epoch and metric.
///
/// Columns: `variant,seed,epoch,step,metric,value`, with the metrics `train_loss`,
/// `val_loss`, `val_accuracy` (left out when not recorded), `lr` (the rate of the epoch's
/// last step), `grad_norm_mean` and `grad_norm_max` (the global gradient norm before clipping,
/// over the epoch's steps) and `seconds` (elapsed since the run started), in that order, run
/// by run in the order of the records.
struct MetricsTable {
    let records: [RunRecord]

    var csv: String {
        var text = CSV.line(["variant", "seed", "epoch", "step", "metric", "value"])
        for record in records {
            for epoch in record.epochs {
                let values: [(String, Double?)] = [
                    (Metric.trainLoss.rawValue, epoch.trainLoss),
                    (Metric.validationLoss.rawValue, epoch.validationLoss),
                    (Metric.validationAccuracy.rawValue, epoch.validationAccuracy),
                    ("lr", epoch.learningRate),
                    ("grad_norm_mean", epoch.gradientNormMean),
                    ("grad_norm_max", epoch.gradientNormMax),
                    ("seconds", epoch.elapsedSeconds),
                ]
                for case let (metric, value?) in values {
                    text += CSV.line([record.spec.variant, "\(record.spec.seed)", "\(epoch.epoch)",
                                      "\(epoch.step)", metric, CSV.number(value)])
                }
            }
        }
        return text
    }
}
