import ExptManifest
import ExptStore

extension EpochMetrics {
    /// The names of an epoch's values in metrics.csv, in its order.
    static let metricNames = [Metric.trainLoss.rawValue, Metric.validationLoss.rawValue, Metric.validationAccuracy.rawValue,
                              Metric.trainEvaluationLoss.rawValue, Metric.trainAccuracy.rawValue,
                              "lr", "grad_norm_mean", "grad_norm_max", "sharpness", "seconds"]

    /// Every value of the epoch by its name in metrics.csv, in metrics.csv's order: `train_loss`,
    /// `val_loss`, `val_accuracy`, `train_eval_loss`, `train_accuracy`, `lr`, `grad_norm_mean`,
    /// `grad_norm_max`, `sharpness`, `seconds`; nil for one the run did not record.
    var namedValues: [(name: String, value: Double?)] {
        Array(zip(Self.metricNames, [trainLoss, validationLoss, validationAccuracy, trainEvaluationLoss, trainAccuracy, learningRate,
                                     gradientNormMean, gradientNormMax, sharpness, elapsedSeconds]))
    }
}
