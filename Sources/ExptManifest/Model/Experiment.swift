import ExptData
import ExptEngine
import ExptOptim

/// A typed, validated experiment: what a manifest file declares.
public struct Experiment: Sendable, Equatable {
    /// The experiment's name; also the name of its results folder.
    public var name: String
    /// A sentence or paragraph saying what the experiment compares.
    public var description: String
    /// The seeds every variant is trained with, in order.
    public var seeds: [UInt64]
    /// The compared configurations, in the order the manifest lists them.
    public var variants: [Variant]
    /// Which metric decides the comparison, and in which direction.
    public var compare: Comparison
    /// The path the manifest was read from, as given.
    public var sourcePath: String
    /// The manifest's text, exactly as read (copied into the results); with overrides or
    /// `extends`, with those as comments around it (see `RecordedManifest`).
    public var sourceText: String
    /// The CI assertions of `expect:`, in the manifest's order; empty for none.
    public var expectations: [Expectation]
    /// The `--set` overrides it was read with (`train.epochs=5`), in order.
    public var overrides: [String]
    /// What `report:` asks the results folder to hold beyond the report.
    public var report: ReportSettings
    /// The pairs of variants `analysis.interpolate.between` joins by a line, in the manifest's order.
    public var interpolationPairs: [VariantPair]

    public init(name: String, description: String, seeds: [UInt64], variants: [Variant], compare: Comparison, sourcePath: String, sourceText: String,
                expectations: [Expectation] = [], overrides: [String] = [], report: ReportSettings = ReportSettings(),
                interpolationPairs: [VariantPair] = []) {
        self.name = name
        self.description = description
        self.seeds = seeds
        self.variants = variants
        self.compare = compare
        self.sourcePath = sourcePath
        self.sourceText = sourceText
        self.expectations = expectations
        self.overrides = overrides
        self.report = report
        self.interpolationPairs = interpolationPairs
    }

    /// The most runs a manifest may declare (variants x sweep points x seeds), checked before
    /// any run is generated.
    public static let maximumRuns = 100_000

    /// Every run the experiment declares: each variant with each point of its sweep with each
    /// seed, variant by variant, then point by point.
    public var runs: [RunSpec] {
        variants.flatMap { variant in
            variant.points.flatMap { point in
                seeds.map { RunSpec(variant: variant.name, seed: $0, config: point.config, sweep: point.settings) }
            }
        }
    }
}

/// One named configuration under comparison: the shared settings with its own overrides applied.
public struct Variant: Sendable, Equatable {
    public var name: String
    /// The configuration; in a sweep, that of its first point.
    public var config: RunConfig
    /// The points of its sweep, in order; empty when it sweeps nothing.
    public var sweepPoints: [SweepPoint]
    /// The name of the manifest's own optimizer that `config` was written with (`my-adamw`),
    /// nil for a built-in's name. Only reports show it: `config` holds the built-in it resolves
    /// to, so that a run's id depends on its optimizer's math, not on the name it was given.
    public var optimizerName: String?

    public init(name: String, config: RunConfig, sweepPoints: [SweepPoint] = [], optimizerName: String? = nil) {
        self.name = name
        self.config = config
        self.sweepPoints = sweepPoints
        self.optimizerName = optimizerName
    }

    /// The points to train: the sweep's, or the variant's configuration alone.
    public var points: [SweepPoint] {
        sweepPoints.isEmpty ? [SweepPoint(settings: [], config: config, optimizerName: optimizerName)] : sweepPoints
    }
}

/// One point of a variant's sweep: its swept settings and the configuration they give.
public struct SweepPoint: Sendable, Equatable {
    public var settings: [SweepSetting]
    public var config: RunConfig
    /// The name of the manifest's own optimizer `config` was written with, as
    /// ``Variant/optimizerName``.
    public var optimizerName: String?

    public init(settings: [SweepSetting], config: RunConfig, optimizerName: String? = nil) {
        self.settings = settings
        self.config = config
        self.optimizerName = optimizerName
    }
}

/// Everything that determines one training run apart from its seed.
public struct RunConfig: Sendable, Equatable, Codable {
    public var data: DataConfig
    public var model: [LayerSpec]
    public var loss: LossKind
    public var train: TrainConfig
    public var optimizer: OptimizerConfig
    /// The learning-rate schedule; nil keeps the optimizer's `lr` throughout.
    public var schedule: ScheduleConfig?
    /// Gradient clipping; nil clips nothing.
    public var clipping: GradientClipping?
    /// Layers with their own optimizer; the other layers use `optimizer`.
    public var parameterGroups: [ParameterGroup]
    /// What the run measures of the loss surface besides training; nil measures nothing
    /// (and leaves the key out of the canonical JSON).
    public var analysis: AnalysisConfig?
    /// The weights the run starts from; nil starts from the seed's initialisation (and leaves
    /// the key out of the canonical JSON).
    public var initialWeights: InitialWeights?

    public init(data: DataConfig, model: [LayerSpec], loss: LossKind, train: TrainConfig, optimizer: OptimizerConfig,
                schedule: ScheduleConfig? = nil, clipping: GradientClipping? = nil, parameterGroups: [ParameterGroup] = [],
                analysis: AnalysisConfig? = nil, initialWeights: InitialWeights? = nil) {
        self.data = data
        self.model = model
        self.loss = loss
        self.train = train
        self.optimizer = optimizer
        self.schedule = schedule
        self.clipping = clipping
        self.parameterGroups = parameterGroups
        self.analysis = analysis
        self.initialWeights = initialWeights
    }
}

/// One run: a variant's configuration with one seed (and, in a sweep, one point of the sweep).
public struct RunSpec: Sendable, Equatable, Codable {
    public var variant: String
    public var seed: UInt64
    public var config: RunConfig
    /// The swept settings of this run, in the order the sweep declares them; empty outside a sweep.
    public var sweep: [SweepSetting]

    public init(variant: String, seed: UInt64, config: RunConfig, sweep: [SweepSetting] = []) {
        self.variant = variant
        self.seed = seed
        self.config = config
        self.sweep = sweep
    }
}

/// One swept setting of a run: the key path as the manifest writes it below the variant
/// (e.g. `optimizer.lr`) and the value, as YAML text (e.g. `0.001`).
public struct SweepSetting: Sendable, Equatable, Hashable, Codable {
    public var keyPath: String
    public var value: String

    public init(keyPath: String, value: String) {
        self.keyPath = keyPath
        self.value = value
    }
}
