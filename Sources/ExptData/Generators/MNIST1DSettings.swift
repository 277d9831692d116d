/// Settings of MNIST-1D (Greydanus, 2020), named as the arguments of the `mnist1d` package
/// (`get_dataset_args()`), whose defaults they share; `samples` is its `num_samples` and the
/// data seed its `seed` (42 unless the manifest sets another).
public struct MNIST1DSettings: Sendable, Hashable, Codable {
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
    /// The ten digits.
    public static let classCount = 10
}
