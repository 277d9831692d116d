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
    /// The manifest's text, exactly as read (copied into the results).
    public var sourceText: String

    public init(name: String, description: String, seeds: [UInt64], variants: [Variant], compare: Comparison, sourcePath: String, sourceText: String) {
        self.name = name
        self.description = description
        self.seeds = seeds
        self.variants = variants
        self.compare = compare
        self.sourcePath = sourcePath
        self.sourceText = sourceText
    }

    /// Every run the experiment declares: each variant with each seed, variant by variant.
    public var runs: [RunSpec] {
        variants.flatMap { variant in
            seeds.map { RunSpec(variant: variant.name, seed: $0, config: variant.config) }
        }
    }
}

/// One named configuration under comparison: the shared settings with its own overrides applied.
public struct Variant: Sendable, Equatable {
    public var name: String
    public var config: RunConfig

    public init(name: String, config: RunConfig) {
        self.name = name
        self.config = config
    }
}

/// Everything that determines one training run apart from its seed.
public struct RunConfig: Sendable, Equatable, Codable {
    public var data: DataConfig
    public var model: [LayerSpec]
    public var loss: LossKind
    public var train: TrainConfig
    public var optimizer: OptimizerConfig

    public init(data: DataConfig, model: [LayerSpec], loss: LossKind, train: TrainConfig, optimizer: OptimizerConfig) {
        self.data = data
        self.model = model
        self.loss = loss
        self.train = train
        self.optimizer = optimizer
    }
}

/// One run: a variant's configuration with one seed.
public struct RunSpec: Sendable, Equatable, Codable {
    public var variant: String
    public var seed: UInt64
    public var config: RunConfig

    public init(variant: String, seed: UInt64, config: RunConfig) {
        self.variant = variant
        self.seed = seed
        self.config = config
    }
}
