/// `train`: how long and in what batches.
///
/// ```yaml
/// train:
///   epochs: 40         # required: 1…1000000
///   batch_size: 32     # 1…10000000 or `full`; default 32
///   threads: 1         # matrix-multiply threads, 1…256; default 1
///   save_weights: [initial, final]   # runs/<id>/weights/<which>.npz; default none
///   early_stop: {metric: val_loss, patience: 5, min_delta: 0, restore_best: true}   # default none
///   checkpoint: {every: 5}   # save the training state every 5 epochs; default none
///   layer_stats: false     # each layer's gradient norm, parameter norm and update ratio per epoch
///   evaluate_train: false  # train_eval_loss and train_accuracy on the whole training set per epoch
/// ```
extension ManifestDecoder {
    static let trainKeys = ["epochs", "batch_size", "threads", "save_weights", "early_stop", "checkpoint", "layer_stats", "evaluate_train"]
    static let maximumEpochs = 1_000_000
    static let maximumThreads = 256

    func trainConfig(_ tree: Tree) -> TrainConfig? {
        guard let fields = fields(tree, allowed: Self.trainKeys) else { return nil }
        let start = errorCount
        let epochs = fields.required("epochs").flatMap { integer($0, 1...Self.maximumEpochs) }
        let batchSize = fields.optional("batch_size").map { batchSizeValue($0) } ?? TrainConfig.defaultBatchSize
        let threads = fields.optional("threads").map { integer($0, 1...Self.maximumThreads) } ?? 1
        let saveWeights = fields.optional("save_weights").map { savedWeights($0) } ?? []
        let earlyStop = fields.optional("early_stop").map { earlyStopConfig($0) }
        let checkpointEvery = fields.optional("checkpoint").map { checkpointInterval($0) }
        let layerStatistics = fields.optional("layer_stats").map { bool($0) } ?? false
        let evaluateTraining = fields.optional("evaluate_train").map { bool($0) } ?? false
        guard errorCount == start, let epochs, let batchSize, let threads, let saveWeights, let layerStatistics, let evaluateTraining
        else { return nil }
        var train = TrainConfig(epochs: epochs, batchSize: batchSize, threads: threads, earlyStop: earlyStop ?? nil,
                                checkpointEvery: checkpointEvery ?? nil, layerStatistics: layerStatistics,
                                evaluateTraining: evaluateTraining)
        train.saveWeights = saveWeights
        return train
    }

    /// `save_weights`: a sequence of distinct moments (`initial`, `final`).
    private func savedWeights(_ tree: Tree) -> [SavedWeights]? {
        guard case .sequence(let items) = tree.kind else {
            error(tree, "expected a sequence of initial and final, found \(tree.found)")
            return nil
        }
        var moments: [SavedWeights] = []
        for item in items {
            guard let moment = choice(item, "weights moment", Self.options(SavedWeights.self)) else { continue }
            if moments.contains(moment) {
                error(item, "\(moment.rawValue) is listed twice")
            } else {
                moments.append(moment)
            }
        }
        return moments
    }

    private func batchSizeValue(_ tree: Tree) -> BatchSize? {
        if tree.scalar?.value == .string("full") { return .full }
        let upper = Self.maximumSamples
        let expected = if case .int(let n)? = tree.scalar?.value, n > upper {
            "a positive integer up to \(upper) or \"full\""
        } else if case .bigInt(let text)? = tree.scalar?.value, !text.hasPrefix("-") {
            "a positive integer up to \(upper) or \"full\""
        } else {
            "a positive integer or \"full\""
        }
        return integer(tree, 1...upper, expected: expected).map(BatchSize.size)
    }
}
