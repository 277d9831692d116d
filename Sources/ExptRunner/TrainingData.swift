import ExptData
import ExptEngine
import ExptManifest

/// A run's data, ready to train on: split (by the ``DataCache``), with targets in the form its loss needs.
struct TrainingData {
    let train: Dataset
    let validation: Dataset
    /// The validation examples' class indices, for accuracy; nil for regression.
    let validationLabels: [Float]?
    /// The test examples, measured once on the final model; nil when there are none.
    let test: Dataset?
    /// The test examples' class indices; nil for regression or without a test set.
    let testLabels: [Float]?
    /// How many outputs the model must have for these targets.
    let modelOutputs: Int

    init(splits: DataSplits, loss: LossKind) {
        let (train, validation, test) = (splits.train, splits.validation, splits.test)
        switch (loss, train.classCount) {
        case (.crossEntropy, let classes?):
            self.train = train
            self.validation = validation
            self.test = test
            validationLabels = validation.targets
            testLabels = test?.targets
            modelOutputs = classes
        case (.meanSquaredError, let classes?):
            // Classification trained with squared error: the targets become one-hot vectors.
            self.train = train.oneHotEncoded()
            self.validation = validation.oneHotEncoded()
            self.test = test?.oneHotEncoded()
            validationLabels = validation.targets
            testLabels = test?.targets
            modelOutputs = classes
        case (_, nil):
            self.train = train
            self.validation = validation
            self.test = test
            validationLabels = nil
            testLabels = nil
            modelOutputs = train.targetCount
        }
    }

    /// The number of examples per step: the whole training set for `full`, and never more than it.
    func batchSize(_ setting: BatchSize) -> Int {
        switch setting {
        case .full: train.count
        case .size(let n): min(n, train.count)
        }
    }
}
