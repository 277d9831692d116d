/// How long and in what batches a run trains.
public struct TrainConfig: Sendable, Equatable {
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
    /// Which weights each run stores in `runs/<id>/weights/` (``SavedWeights``). They do not
    /// change the numbers, so they are left out of the run's settings as stored (and its id).
    public var saveWeights: [SavedWeights] = []
    /// Ends the run early when a metric stops improving; nil trains every epoch. Omitted from
    /// the stored settings (and so from the run id) when nil.
    public var earlyStop: EarlyStopConfig?
    /// Saves the run's whole training state every this many epochs so that a killed run
    /// resumes there (see docs/checkpoints.md); nil saves none. Not stored with the settings
    /// and not part of the run id: it changes no number the run records.
    public var checkpointEvery: Int? = nil
    /// Record each layer's gradient norm, parameter norm and update ratio every epoch
    /// (`layer_stats`, docs/diagnostics.md). Default false; stored only when on.
    public var layerStatistics: Bool
    /// Evaluate the whole training set after each epoch, as the validation set is: records
    /// `train_eval_loss` and, for classification, `train_accuracy` (`evaluate_train`). Default
    /// false; stored only when on.
    public var evaluateTraining: Bool

    /// The batch size of a manifest that gives none.
    public static let defaultBatchSize = BatchSize.size(32)

    public init(epochs: Int, batchSize: BatchSize = defaultBatchSize, threads: Int = 1, recordEvery: Int = 1,
                earlyStop: EarlyStopConfig? = nil, checkpointEvery: Int? = nil, layerStatistics: Bool = false,
                evaluateTraining: Bool = false) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.threads = threads
        self.recordEvery = recordEvery
        self.earlyStop = earlyStop
        self.checkpointEvery = checkpointEvery
        self.layerStatistics = layerStatistics
        self.evaluateTraining = evaluateTraining
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
