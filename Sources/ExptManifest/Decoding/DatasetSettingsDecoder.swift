import ExptData

/// Reads the settings of each dataset, next to `dataset` in `data`; every absent setting takes
/// the default of the dataset's settings type. Each function returns nil after reporting a
/// problem.
struct DatasetSettingsDecoder {
    let decoder: ManifestDecoder
    let fields: ManifestDecoder.Fields

    private func int(_ key: String, _ range: ClosedRange<Int>, _ value: Int) -> Int? {
        fields.optional(key).map { decoder.integer($0, range) } ?? value
    }

    private func number(_ key: String, _ range: ManifestDecoder.NumberRange, _ value: Double) -> Double? {
        fields.optional(key).map { decoder.number($0, range) } ?? value
    }

    private func bool(_ key: String, _ value: Bool) -> Bool? {
        fields.optional(key).map { decoder.bool($0) } ?? value
    }

    private var sampleRange: ClosedRange<Int> { 1...ManifestDecoder.maximumSamples }
    private var classRange: ClosedRange<Int> { 2...ManifestDecoder.maximumClasses }
    private var featureRange: ClosedRange<Int> { 1...ManifestDecoder.maximumFeatures }

    func spirals() -> DatasetConfig? {
        let d = SpiralsSettings()
        guard let samples = int("samples", sampleRange, d.samples), let classes = int("classes", classRange, d.classes),
              let noise = number("noise", .nonNegative, d.noise), let turns = number("turns", .positive, d.turns)
        else { return nil }
        return .spirals(SpiralsSettings(samples: samples, classes: classes, noise: noise, turns: turns))
    }

    func blobs() -> DatasetConfig? {
        let d = BlobsSettings()
        guard let samples = int("samples", sampleRange, d.samples), let classes = int("classes", classRange, d.classes),
              let features = int("features", featureRange, d.features), let noise = number("noise", .nonNegative, d.noise),
              let spread = number("spread", .positive, d.spread)
        else { return nil }
        return .blobs(BlobsSettings(samples: samples, classes: classes, features: features, noise: noise, spread: spread))
    }

    func moons() -> DatasetConfig? {
        let d = MoonsSettings()
        guard let samples = int("samples", sampleRange, d.samples), let noise = number("noise", .nonNegative, d.noise)
        else { return nil }
        return .moons(MoonsSettings(samples: samples, noise: noise))
    }

    func circles() -> DatasetConfig? {
        let d = CirclesSettings()
        guard let samples = int("samples", sampleRange, d.samples), let noise = number("noise", .nonNegative, d.noise),
              let factor = number("factor", .openUnit, d.factor)
        else { return nil }
        return .circles(CirclesSettings(samples: samples, noise: noise, factor: factor))
    }

    func xor() -> DatasetConfig? {
        let d = XORSettings()
        guard let samples = int("samples", sampleRange, d.samples), let noise = number("noise", .nonNegative, d.noise)
        else { return nil }
        return .xor(XORSettings(samples: samples, noise: noise))
    }

    func linear() -> DatasetConfig? {
        let d = LinearSettings()
        guard let samples = int("samples", sampleRange, d.samples), let features = int("features", featureRange, d.features),
              let targets = int("targets", featureRange, d.targets), let noise = number("noise", .nonNegative, d.noise)
        else { return nil }
        return .linear(LinearSettings(samples: samples, features: features, targets: targets, noise: noise))
    }

    func polynomial() -> DatasetConfig? {
        let d = PolynomialSettings()
        guard let samples = int("samples", sampleRange, d.samples), let degree = int("degree", 0...20, d.degree),
              let noise = number("noise", .nonNegative, d.noise)
        else { return nil }
        return .polynomial(PolynomialSettings(samples: samples, degree: degree, noise: noise))
    }

    /// MNIST-1D, with the `mnist1d` package's argument names; `samples` is its `num_samples`.
    func mnist1d() -> DatasetConfig? {
        let d = MNIST1DSettings()
        let samples = int("samples", 10...ManifestDecoder.maximumSamples, d.samples)
        let trainSplit = number("train_split", .openUnit, d.trainSplit)
        let templateLength = int("template_len", 2...10_000, d.templateLength)
        let padding = fields.optional("padding").map { range($0) } ?? d.padding
        let scale = number("scale_coeff", .nonNegative, d.scaleCoefficient)
        let translation = int("max_translation", 1...10_000, d.maxTranslation)
        let correlated = number("corr_noise_scale", .nonNegative, d.correlatedNoiseScale)
        let iid = number("iid_noise_scale", .nonNegative, d.iidNoiseScale)
        let shear = number("shear_scale", .nonNegative, d.shearScale)
        let shuffle = bool("shuffle_seq", d.shuffleSequence)
        let length = int("final_seq_length", 2...ManifestDecoder.maximumFeatures, d.finalLength)
        guard let samples, let trainSplit, let templateLength, let padding, let scale, let translation,
              let correlated, let iid, let shear, let shuffle, let length else { return nil }
        return .mnist1d(MNIST1DSettings(
            samples: samples, trainSplit: trainSplit, templateLength: templateLength, padding: padding,
            scaleCoefficient: scale, maxTranslation: translation, correlatedNoiseScale: correlated,
            iidNoiseScale: iid, shearScale: shear, shuffleSequence: shuffle, finalLength: length))
    }

    /// `[low, high]`: two non-negative integers up to 10000, low ≤ high.
    private func range(_ tree: Tree) -> ClosedRange<Int>? {
        guard let items = tree.items, items.count == 2,
              case .int(let low)? = items[0].scalar?.value, case .int(let high)? = items[1].scalar?.value,
              low >= 0, low <= high, high <= 10_000 else {
            decoder.error(tree, "expected two non-negative integers [low, high] with low ≤ high ≤ 10000, found \(tree.found)")
            return nil
        }
        return low...high
    }
}
