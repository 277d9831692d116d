import ExptManifest

/// What one finished (or stopped) run produced: its spec, its per-epoch metrics and how it ended.
public struct RunRecord: Sendable, Equatable {
    public var spec: RunSpec
    public var status: RunStatus
    /// One entry per completed epoch, in order (epoch 1 first).
    public var epochs: [EpochMetrics]
    /// Wall-clock seconds the run took, data generation included.
    public var seconds: Double
    /// The path of the parameters, step by step, for runs on a 2D test function; empty otherwise.
    public var trajectory: [TrajectoryPoint]
    /// The final model's loss and accuracy on the test set; nil without a test set, or when
    /// the run did not complete.
    public var test: TestMetrics?

    public init(spec: RunSpec, status: RunStatus, epochs: [EpochMetrics], seconds: Double, trajectory: [TrajectoryPoint] = [],
                test: TestMetrics? = nil) {
        self.spec = spec
        self.status = status
        self.epochs = epochs
        self.seconds = seconds
        self.trajectory = trajectory
        self.test = test
    }
}

/// How a run ended.
public enum RunStatus: Sendable, Equatable, CustomStringConvertible {
    /// Trained every epoch.
    case complete
    /// The training loss became NaN or infinite at this optimizer step; training stopped there.
    case diverged(step: Int)
    /// The run could not be trained; the reason says why.
    case failed(reason: String)
    /// Stopped by a signal (SIGINT, SIGTERM) after this many optimizer steps; trained again on resume.
    case interrupted(step: Int)

    /// `complete`, `diverged`, `failed` or `interrupted`, as written in summary.csv.
    public var description: String {
        switch self {
        case .complete: "complete"
        case .diverged: "diverged"
        case .failed: "failed"
        case .interrupted: "interrupted"
        }
    }
}

/// The metrics recorded at the end of one epoch.
public struct EpochMetrics: Sendable, Equatable, Codable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Optimizer steps taken so far, this epoch's included.
    public var step: Int
    /// Mean training loss over the epoch's batches, each weighted by its size.
    public var trainLoss: Double
    /// Mean loss over the validation set, after the epoch; nil without a validation set
    /// (`data.validation: 0`).
    public var validationLoss: Double?
    /// Share of validation examples classified correctly; nil for regression or without a
    /// validation set.
    public var validationAccuracy: Double?
    /// The learning rate used in the epoch's last step.
    public var learningRate: Double
    /// Seconds since the run started.
    public var elapsedSeconds: Double
    /// Mean over the epoch's steps of the global L2 norm of the gradient, before clipping.
    public var gradientNormMean: Double?
    /// Largest global L2 norm of the gradient in the epoch, before clipping.
    public var gradientNormMax: Double?

    public init(epoch: Int, step: Int, trainLoss: Double, validationLoss: Double?, validationAccuracy: Double?, learningRate: Double, elapsedSeconds: Double,
                gradientNormMean: Double? = nil, gradientNormMax: Double? = nil) {
        self.epoch = epoch
        self.step = step
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.learningRate = learningRate
        self.elapsedSeconds = elapsedSeconds
        self.gradientNormMean = gradientNormMean
        self.gradientNormMax = gradientNormMax
    }
}

/// One point of an optimizer's path over a 2D test function: the parameters (x, y) after
/// `step` steps (step 0 is the start), the function's value there, and the learning rate of
/// the step that reached it (nil at the start; stored as the column `lr`).
public struct TrajectoryPoint: Sendable, Equatable, Codable {
    public var step: Int
    public var x: Double
    public var y: Double
    public var f: Double
    public var learningRate: Double?

    enum CodingKeys: String, CodingKey {
        case step, x, y, f
        case learningRate = "lr"
    }

    public init(step: Int, x: Double, y: Double, f: Double, learningRate: Double? = nil) {
        self.step = step
        self.x = x
        self.y = y
        self.f = f
        self.learningRate = learningRate
    }
}
