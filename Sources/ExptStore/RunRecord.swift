import ExptConfig
import ExptData
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
    /// The weights `train.save_weights` asks for, each stored as `weights/<moment>.npz` in the
    /// run's folder; never read back (a stored run is known by its metrics).
    public var weights: [SavedWeights: [NamedArray]] = [:]
    /// The loss from the initial to the final weights, when `analysis.interpolate` asks; empty otherwise.
    public var landscape: [LandscapePoint]
    /// Where `train.early_stop` ended the run; nil when it trained every epoch (or has no early stop).
    public var earlyStop: EarlyStopOutcome?
    /// Each layer's statistics per epoch (`train.layer_stats`), epoch by epoch, layers in model
    /// order; empty otherwise.
    public var layers: [LayerEpochStatistics]
    /// The training labels that `data.label_noise` replaced, by example; empty without label noise.
    public var flippedLabels: [FlippedLabel]

    public init(spec: RunSpec, status: RunStatus, epochs: [EpochMetrics], seconds: Double, trajectory: [TrajectoryPoint] = [],
                test: TestMetrics? = nil, landscape: [LandscapePoint] = [], earlyStop: EarlyStopOutcome? = nil,
                layers: [LayerEpochStatistics] = [], flippedLabels: [FlippedLabel] = []) {
        self.spec = spec
        self.status = status
        self.epochs = epochs
        self.seconds = seconds
        self.trajectory = trajectory
        self.test = test
        self.landscape = landscape
        self.earlyStop = earlyStop
        self.layers = layers
        self.flippedLabels = flippedLabels
    }
}
