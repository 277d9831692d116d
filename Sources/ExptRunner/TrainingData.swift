import ExptData
import ExptEngine
import ExptManifest

/// A run's data, ready to train on: split (by the ``DataCache``) into views of one storage,
/// with the form its loss needs the targets in. Nothing here copies an example: batches are
/// gathered from the views (see ``BatchBuffers``).
struct TrainingData {
    let train: DatasetView
    let validation: DatasetView
    /// The test examples, measured once on the final model; nil when there are none.
    let test: DatasetView?
    /// How the targets are given to the loss.
    let targetForm: TargetForm
    /// How many outputs the model must have for these targets (per position, for a class per position).
    let modelOutputs: Int
    /// The shape of the model's output: `[modelOutputs]`, or `[positions, classes]` for a class per position.
    let outputShape: [Int]

    init(splits: DataSplits, loss: LossKind) {
        train = splits.train
        validation = splits.validation
        test = splits.test
        switch (loss, train.classCount) {
        case (.crossEntropy, let classes?) where train.targetCount > 1:
            targetForm = .positionClassIndices(positions: train.targetCount)
            modelOutputs = classes
        case (.crossEntropy, let classes?):
            targetForm = .classIndices
            modelOutputs = classes
        case (.meanSquaredError, let classes?):
            // Classification trained with squared error: the targets become one-hot vectors.
            targetForm = .oneHot(classes: classes)
            modelOutputs = classes
        case (_, nil):
            targetForm = .values(count: train.targetCount)
            modelOutputs = train.targetCount
        }
        outputShape = if case .positionClassIndices(let positions) = targetForm { [positions, modelOutputs] } else { [modelOutputs] }
    }

    /// Why `loss` cannot train on `splits`, or nil: squared error takes one class per example.
    static func problem(_ splits: DataSplits, loss: LossKind) -> String? {
        guard loss != .crossEntropy, splits.train.classCount != nil, splits.train.targetCount > 1 else { return nil }
        return "the data has a class per position (\(splits.train.targetCount) per example), which only loss: cross_entropy trains on"
    }

    /// The number of examples per step: the whole training set for `full`, and never more than it.
    func batchSize(_ setting: BatchSize) -> Int {
        switch setting {
        case .full: train.count
        case .size(let n): min(n, train.count)
        }
    }
}
