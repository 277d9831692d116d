/// How long and in what batches a run trains.
public struct TrainConfig: Sendable, Equatable, Codable {
    /// Passes over the training set. Required.
    public var epochs: Int
    /// Examples per gradient step; `.full` is full-batch gradient descent. Default 32.
    public var batchSize: BatchSize
    /// Threads of the run's matrix multiplies. Results do not depend on it (each thread computes
    /// whole elements of a product, in the same order as one thread); it is still part of the
    /// run's settings, and of its id. Default 1.
    public var threads: Int
    /// For a run on a 2D test function, whose every step is an epoch: record the metrics of
    /// every `recordEvery`-th step (and of the last). Default 1.
    public var recordEvery: Int
    /// Record each layer's gradient norm, parameter norm and update ratio every epoch
    /// (`layer_stats`, docs/diagnostics.md). Default false.
    public var layerStatistics: Bool
    /// Evaluate the whole training set after each epoch, as the validation set is: records
    /// `train_eval_loss` and, for classification, `train_accuracy` (`evaluate_train`). Default false.
    public var evaluateTraining: Bool

    /// The batch size of a manifest that gives none.
    public static let defaultBatchSize = BatchSize.size(32)

    public init(epochs: Int, batchSize: BatchSize = defaultBatchSize, threads: Int = 1, recordEvery: Int = 1,
                layerStatistics: Bool = false, evaluateTraining: Bool = false) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.threads = threads
        self.recordEvery = recordEvery
        self.layerStatistics = layerStatistics
        self.evaluateTraining = evaluateTraining
    }

    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize, threads, recordEvery, layerStatistics, evaluateTraining
    }

    /// Reads the stored form; an absent switch is off.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(epochs: try container.decode(Int.self, forKey: .epochs),
                  batchSize: try container.decode(BatchSize.self, forKey: .batchSize),
                  threads: try container.decode(Int.self, forKey: .threads),
                  recordEvery: try container.decode(Int.self, forKey: .recordEvery),
                  layerStatistics: try container.decodeIfPresent(Bool.self, forKey: .layerStatistics) ?? false,
                  evaluateTraining: try container.decodeIfPresent(Bool.self, forKey: .evaluateTraining) ?? false)
    }

    /// The stored form: the switches only when on, so the runs that do not record them keep
    /// their canonical JSON, and their ids, of before the switches existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(threads, forKey: .threads)
        try container.encode(recordEvery, forKey: .recordEvery)
        if layerStatistics { try container.encode(true, forKey: .layerStatistics) }
        if evaluateTraining { try container.encode(true, forKey: .evaluateTraining) }
    }
}

/// The number of examples per gradient step.
public enum BatchSize: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The whole training set in one step: full-batch gradient descent.
    case full
    /// A fixed number of examples (the last batch of an epoch may be smaller).
    case size(Int)

    /// `full` or the number, as written in manifests and reports.
    public var description: String {
        switch self {
        case .full: "full"
        case .size(let n): "\(n)"
        }
    }
}
