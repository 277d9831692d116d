import ExptConfig

/// MNIST-1D (Greydanus, 2020), identical to the `mnist1d` package's `make_dataset`, with its own
/// test split. Its settings are named as the package's arguments (`get_dataset_args()`), whose
/// defaults they share; `samples` is its `num_samples` and the data seed its `seed` (42 unless
/// the manifest sets another).
public struct MNIST1DSettings: DatasetKind {
    public static let name = "mnist1d"
    public static let summary = "MNIST-1D (Greydanus, 2020), as the mnist1d package makes it; its own test set."
    public static var settings: [Hyperparameter<Self>] {
        let length = 2...10_000
        return [
            Hyperparameter("samples", .integer(\.samples, 10...DatasetLimits.maximumSamples),
                           "The package's num_samples; each digit gets samples / 10."),
            Hyperparameter("train_split", .number(\.trainSplit, .openUnit),
                           "Share of the examples in the package's train split; the rest is the test set."),
            Hyperparameter("template_len", .integer(\.templateLength, length),
                           "With padding's upper end, the length the padded template is resampled to."),
            Hyperparameter("padding", .integerRange(\.padding, 0...10_000), "Zeros appended to each template, drawn from low to high."),
            Hyperparameter("scale_coeff", .number(\.scaleCoefficient, .nonNegative), "Random scaling by 1 ± scale_coeff/2."),
            Hyperparameter("max_translation", .integer(\.maxTranslation, 1...10_000),
                           "Random rotation by 0 to max_translation − 1 points."),
            Hyperparameter("corr_noise_scale", .number(\.correlatedNoiseScale, .nonNegative),
                           "Smoothed noise where the signal is zero."),
            Hyperparameter("iid_noise_scale", .number(\.iidNoiseScale, .nonNegative), "Independent noise on every point."),
            Hyperparameter("shear_scale", .number(\.shearScale, .nonNegative), "Random linear ramp subtracted."),
            Hyperparameter("shuffle_seq", .flag(\.shuffleSequence), "Permute the points of every example (the same way)."),
            Hyperparameter("final_seq_length", .integer(\.finalLength, 2...DatasetLimits.maximumFeatures), "Points of each example."),
        ]
    }

    /// Total examples, `num_samples`; each of the 10 digits gets `samples / 10` (rounded down).
    public var samples: Int = 5000
    /// Share of the (shuffled) examples in the package's train split; the rest is its test set.
    public var trainSplit: Double = 0.8
    /// Points of the intermediate signal before padding: it is resampled to
    /// `templateLength + padding.upperBound` points.
    public var templateLength: Int = 12
    /// Zeros appended to each 12-point template, drawn uniformly from this range.
    public var padding: ClosedRange<Int> = 36...60
    /// The signal is scaled by a factor uniform in [1 − scale/2, 1 + scale/2).
    public var scaleCoefficient: Double = 0.4
    /// The signal is rotated right by a uniform number of points in 0..<maxTranslation.
    public var maxTranslation: Int = 48
    /// Standard deviation of the noise (before its Gaussian smoothing) put where the signal is zero.
    public var correlatedNoiseScale: Double = 0.25
    /// Standard deviation of the independent noise added to every point.
    public var iidNoiseScale: Double = 0.02
    /// A linear ramp of slope uniform in [−shear/2, shear/2) is subtracted.
    public var shearScale: Double = 0.75
    /// Whether the points of every example are permuted, the same way for all examples.
    public var shuffleSequence: Bool = false
    /// Points of each final example (`final_seq_length`).
    public var finalLength: Int = 40

    public init() {}

    public init(
        samples: Int = 5000, trainSplit: Double = 0.8, templateLength: Int = 12, padding: ClosedRange<Int> = 36...60,
        scaleCoefficient: Double = 0.4, maxTranslation: Int = 48, correlatedNoiseScale: Double = 0.25,
        iidNoiseScale: Double = 0.02, shearScale: Double = 0.75, shuffleSequence: Bool = false, finalLength: Int = 40
    ) {
        self.samples = samples
        self.trainSplit = trainSplit
        self.templateLength = templateLength
        self.padding = padding
        self.scaleCoefficient = scaleCoefficient
        self.maxTranslation = maxTranslation
        self.correlatedNoiseScale = correlatedNoiseScale
        self.iidNoiseScale = iidNoiseScale
        self.shearScale = shearScale
        self.shuffleSequence = shuffleSequence
        self.finalLength = finalLength
    }

    /// The package's default seed.
    public static let defaultSeed: UInt64 = 42
    /// numpy's seeds are below 2^32.
    public static let seedLimit: (largest: UInt64, reason: String)? = (UInt64(UInt32.max), "numpy's limit")
    /// The ten digits.
    public static let classCount = 10

    public var classCount: Int? { Self.classCount }
    public var inputShape: [Int]? { [finalLength, 1] }
    public var requestedSamples: Int? { samples }
    public var hasOwnTestSet: Bool { true }

    /// The package's train split: `trainSplit` of the samples, each digit's count rounded down.
    public var exampleCount: Int? {
        Int(Double(max(samples, 0) / Self.classCount * Self.classCount) * trainSplit)
    }
}

extension MNIST1DSettings {
    /// The package's train split as `examples` and its test split as `test`: each example a
    /// sequence of `finalLength` steps of one value (feature shape `[finalLength, 1]`), its
    /// target the digit, 10 classes. Values are generated in double precision and stored as
    /// Float.
    ///
    /// `seed` is numpy's: it must be below 2^32 (the manifest checks this; larger seeds keep
    /// their low 32 bits).
    public func load(seed: UInt64) -> LoadedData {
        let splits = MNIST1DGenerator(settings: self).generate(seed: UInt32(truncatingIfNeeded: seed))
        return LoadedData(examples: dataset(splits.train, splits.trainLabels),
                          test: dataset(splits.test, splits.testLabels))
    }

    private func dataset(_ rows: [[Double]], _ labels: [Int]) -> Dataset {
        Dataset(count: rows.count, featureCount: finalLength, featureShape: [finalLength, 1],
                features: rows.flatMap { $0.map(Float.init) },
                targetCount: 1, targets: labels.map(Float.init), classCount: Self.classCount)
    }
}
