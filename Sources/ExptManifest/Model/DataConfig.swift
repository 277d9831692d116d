import ExptData

/// The data of a run: which dataset, how it is split, and how its features are normalised.
///
/// The dataset and its train/validation/test split are drawn from `seed`, which is the same
/// for every run unless a variant overrides it: the runs of an experiment then differ only in
/// what they compare and in their own seed (initialisation and shuffling), not in their data.
public struct DataConfig: Sendable, Hashable, Codable {
    public var dataset: DatasetConfig
    /// Fraction of the examples held out for validation, in [0, 1); 0 for no validation set
    /// (no `val_*` metric is recorded). Default 0.2.
    public var validation: Double
    /// Seed of the dataset's generation and split. Default 0 (42 for MNIST-1D, the package's).
    public var seed: UInt64
    /// Fraction of the examples held out for testing, in [0, 1); 0 (the default) for none.
    /// A dataset with its own test set (MNIST-1D, test files) uses that set instead.
    public var test: Double
    /// How features are normalised, with statistics of the training part; nil for not at all.
    public var normalize: Normalization?
    /// Fraction of the training labels replaced by another class, in [0, 1) (``LabelNoise``);
    /// nil for none, so that a run without keeps its canonical JSON. Classification only.
    public var labelNoise: Double?
    /// Standard deviation of the Gaussian noise added once to the training features
    /// (``InputNoise``); nil for none.
    public var inputNoise: Double?

    /// `validation` when a manifest sets none.
    public static let defaultValidation = 0.2
    /// `test` when a manifest sets none: no test set.
    public static let defaultTest = 0.0

    public init(dataset: DatasetConfig, validation: Double = defaultValidation, seed: UInt64 = 0, test: Double = defaultTest,
                normalize: Normalization? = nil, labelNoise: Double? = nil, inputNoise: Double? = nil) {
        self.dataset = dataset
        self.validation = validation
        self.seed = seed
        self.test = test
        self.normalize = normalize
        self.labelNoise = labelNoise
        self.inputNoise = inputNoise
    }

    /// The number of training examples after the split, when it is known without reading files.
    public var trainingCount: Int? {
        dataset.sampleCount.map {
            Dataset.splitSizes(count: $0, validationFraction: validation, testFraction: dataset.hasOwnTestSet ? 0 : test).train
        }
    }
}
