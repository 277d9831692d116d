import ExptData

/// Reads the settings of each dataset, next to `dataset` in `data`, in the ranges of its
/// schema; every absent setting takes the default of the dataset's settings type. Each function
/// returns nil after reporting a problem.
struct DatasetSettingsDecoder {
    let decoder: ManifestDecoder
    let fields: ManifestDecoder.Fields
    /// The dataset's schema, which gives each setting's range.
    let schema: NameSchema

    private func int(_ key: String, _ value: Int) -> Int? {
        fields.optional(key).map { decoder.integer($0, schema.integerRange(key)) } ?? value
    }

    private func number(_ key: String, _ value: Double) -> Double? {
        fields.optional(key).map { decoder.number($0, schema.numberRange(key)) } ?? value
    }

    private func bool(_ key: String, _ value: Bool) -> Bool? {
        fields.optional(key).map { decoder.bool($0) } ?? value
    }

    func spirals() -> DatasetConfig? {
        let d = SpiralsSettings()
        guard let samples = int("samples", d.samples), let classes = int("classes", d.classes),
              let noise = number("noise", d.noise), let turns = number("turns", d.turns)
        else { return nil }
        return .spirals(SpiralsSettings(samples: samples, classes: classes, noise: noise, turns: turns))
    }

    func blobs() -> DatasetConfig? {
        let d = BlobsSettings()
        guard let samples = int("samples", d.samples), let classes = int("classes", d.classes),
              let features = int("features", d.features), let noise = number("noise", d.noise),
              let spread = number("spread", d.spread)
        else { return nil }
        return .blobs(BlobsSettings(samples: samples, classes: classes, features: features, noise: noise, spread: spread))
    }

    func moons() -> DatasetConfig? {
        let d = MoonsSettings()
        guard let samples = int("samples", d.samples), let noise = number("noise", d.noise)
        else { return nil }
        return .moons(MoonsSettings(samples: samples, noise: noise))
    }

    func circles() -> DatasetConfig? {
        let d = CirclesSettings()
        guard let samples = int("samples", d.samples), let noise = number("noise", d.noise),
              let factor = number("factor", d.factor)
        else { return nil }
        return .circles(CirclesSettings(samples: samples, noise: noise, factor: factor))
    }

    func xor() -> DatasetConfig? {
        let d = XORSettings()
        guard let samples = int("samples", d.samples), let noise = number("noise", d.noise)
        else { return nil }
        return .xor(XORSettings(samples: samples, noise: noise))
    }

    func linear() -> DatasetConfig? {
        let d = LinearSettings()
        guard let samples = int("samples", d.samples), let features = int("features", d.features),
              let targets = int("targets", d.targets), let noise = number("noise", d.noise)
        else { return nil }
        return .linear(LinearSettings(samples: samples, features: features, targets: targets, noise: noise))
    }

    func polynomial() -> DatasetConfig? {
        let d = PolynomialSettings()
        guard let samples = int("samples", d.samples), let degree = int("degree", d.degree),
              let noise = number("noise", d.noise)
        else { return nil }
        return .polynomial(PolynomialSettings(samples: samples, degree: degree, noise: noise))
    }

    /// MNIST-1D, with the `mnist1d` package's argument names; `samples` is its `num_samples`.
    func mnist1d() -> DatasetConfig? {
        let d = MNIST1DSettings()
        let samples = int("samples", d.samples)
        let trainSplit = number("train_split", d.trainSplit)
        let templateLength = int("template_len", d.templateLength)
        let padding = fields.optional("padding").map { range($0) } ?? d.padding
        let scale = number("scale_coeff", d.scaleCoefficient)
        let translation = int("max_translation", d.maxTranslation)
        let correlated = number("corr_noise_scale", d.correlatedNoiseScale)
        let iid = number("iid_noise_scale", d.iidNoiseScale)
        let shear = number("shear_scale", d.shearScale)
        let shuffle = bool("shuffle_seq", d.shuffleSequence)
        let length = int("final_seq_length", d.finalLength)
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
