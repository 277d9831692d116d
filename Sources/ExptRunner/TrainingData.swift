import ExptData
import ExptEngine
import ExptManifest

/// A run's data, ready to train on: generated, split, and with targets in the form its loss needs.
struct TrainingData {
    let train: Dataset
    let validation: Dataset
    /// The validation examples' class indices, for accuracy; nil for regression.
    let validationLabels: [Float]?
    /// How many outputs the model must have for these targets.
    let modelOutputs: Int

    init(config: RunConfig) {
        let dataset = config.data.dataset.load(seed: config.data.seed).examples
        let (train, validation) = dataset.split(validationFraction: config.data.validation, seed: config.data.seed)
        switch (config.loss, dataset.classCount) {
        case (.crossEntropy, let classes?):
            self.train = train
            self.validation = validation
            validationLabels = validation.targets
            modelOutputs = classes
        case (.meanSquaredError, let classes?):
            // Classification trained with squared error: the targets become one-hot vectors.
            self.train = train.oneHotEncoded()
            self.validation = validation.oneHotEncoded()
            validationLabels = validation.targets
            modelOutputs = classes
        case (_, nil):
            self.train = train
            self.validation = validation
            validationLabels = nil
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
