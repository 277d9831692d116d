/// `train.early_stop` and `train.checkpoint`.
///
/// ```yaml
/// train:
///   early_stop:
///     metric: val_loss     # train_loss, val_loss or val_accuracy; default val_loss
///     patience: 5          # required: epochs without improvement, 1…1000000
///     min_delta: 0         # how much better counts as better, >= 0; default 0
///     restore_best: true   # test on the best epoch's weights; default false
///   checkpoint:
///     every: 5             # required: epochs between checkpoints, 1…1000000
/// ```
extension ManifestDecoder {
    static let earlyStopKeys = ["metric", "patience", "min_delta", "restore_best"]
    static let checkpointKeys = ["every"]

    func earlyStopConfig(_ tree: Tree) -> EarlyStopConfig? {
        guard let fields = fields(tree, allowed: Self.earlyStopKeys) else { return nil }
        let start = errorCount
        let metric = fields.optional("metric").map { choice($0, "metric", Self.options(Metric.self)) } ?? .validationLoss
        let patience = fields.required("patience").flatMap { integer($0, 1...Self.maximumEpochs) }
        let minDelta = fields.optional("min_delta").map { number($0, .nonNegative) } ?? 0
        let restoreBest = fields.optional("restore_best").map { bool($0) } ?? false
        guard errorCount == start, let metric, let patience, let minDelta, let restoreBest else { return nil }
        return EarlyStopConfig(metric: metric, patience: patience, minDelta: minDelta, restoreBest: restoreBest)
    }

    /// The epochs between two checkpoints.
    func checkpointInterval(_ tree: Tree) -> Int? {
        guard let fields = fields(tree, allowed: Self.checkpointKeys) else { return nil }
        return fields.required("every").flatMap { integer($0, 1...Self.maximumEpochs) }
    }

    /// An early stop that watches a validation metric needs a validation set.
    func checkEarlyStopMetric(_ train: TrainConfig, trainTree: Tree?, data: DataConfig) {
        guard let earlyStop = train.earlyStop, earlyStop.metric != .trainLoss, data.validation == 0,
              let tree = trainTree?["early_stop"] else { return }
        let site = tree["metric"] ?? tree
        error(site, "early_stop watches \(earlyStop.metric.rawValue), but there is no validation set (data.validation is 0); set early_stop.metric: train_loss")
    }
}
