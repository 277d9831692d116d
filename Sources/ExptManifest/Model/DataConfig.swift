import ExptData

/// The data of a run: which dataset, and how it is split.
///
/// The dataset and its train/validation split are drawn from `seed`, which is the same for
/// every run unless a variant overrides it: the runs of an experiment then differ only in
/// what they compare and in their own seed (initialisation and shuffling), not in their data.
public struct DataConfig: Sendable, Equatable, Codable {
    public var dataset: DatasetConfig
    /// Fraction of the examples held out for validation, in (0, 1). Default 0.2.
    public var validation: Double
    /// Seed of the dataset's generation and split. Default 0.
    public var seed: UInt64

    public init(dataset: DatasetConfig, validation: Double = 0.2, seed: UInt64 = 0) {
        self.dataset = dataset
        self.validation = validation
        self.seed = seed
    }
}
