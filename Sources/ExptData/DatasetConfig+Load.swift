extension DatasetConfig {
    /// The dataset's examples, and its own test set when it has one (a 2D test function has
    /// no examples: its dataset is empty). Generated datasets are
    /// drawn deterministically from `seed`: the same seed gives the same values, bit for bit,
    /// on every machine (see each settings type's `generate` for its formulas). Files are read
    /// whole and checked; a missing, truncated or corrupt one throws.
    public func load(seed: UInt64) throws(DataFileError) -> LoadedData {
        switch self {
        case .idx(let settings): try settings.load()
        case .cifar10(let settings): try settings.load()
        case .csv(let settings): try settings.load()
        case .spirals(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .blobs(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .moons(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .circles(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .xor(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .linear(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .polynomial(let settings): LoadedData(examples: settings.generate(seed: seed))
        case .mnist1d(let settings): settings.load(seed: seed)
        case .function: LoadedData(examples: Dataset(count: 0, featureCount: 2, features: [], targetCount: 1, targets: [], classCount: nil))
        }
    }

    /// The number of examples of `load(seed:).examples`, without loading them (for MNIST-1D,
    /// its train split); nil when only reading the files would tell.
    public var sampleCount: Int? {
        switch self {
        case .spirals(let s): max(s.samples, 0)
        case .blobs(let s): max(s.samples, 0)
        case .moons(let s): max(s.samples, 0)
        case .circles(let s): max(s.samples, 0)
        case .xor(let s): max(s.samples, 0)
        case .linear(let s): max(s.samples, 0)
        case .polynomial(let s): max(s.samples, 0)
        case .mnist1d(let s):
            Int(Double(max(s.samples, 0) / MNIST1DSettings.classCount * MNIST1DSettings.classCount) * s.trainSplit)
        case .function: 0
        case .idx, .cifar10, .csv: nil
        }
    }

    /// Every setting by its manifest name, in a fixed order, formatted for reports.
    public var settings: [(name: String, value: String)] {
        switch self {
        case .spirals(let s):
            [("samples", "\(s.samples)"), ("classes", "\(s.classes)"), ("noise", "\(s.noise)"), ("turns", "\(s.turns)")]
        case .blobs(let s):
            [("samples", "\(s.samples)"), ("classes", "\(s.classes)"), ("features", "\(s.features)"),
             ("noise", "\(s.noise)"), ("spread", "\(s.spread)")]
        case .moons(let s):
            [("samples", "\(s.samples)"), ("noise", "\(s.noise)")]
        case .circles(let s):
            [("samples", "\(s.samples)"), ("noise", "\(s.noise)"), ("factor", "\(s.factor)")]
        case .xor(let s):
            [("samples", "\(s.samples)"), ("noise", "\(s.noise)")]
        case .linear(let s):
            [("samples", "\(s.samples)"), ("features", "\(s.features)"), ("targets", "\(s.targets)"), ("noise", "\(s.noise)")]
        case .polynomial(let s):
            [("samples", "\(s.samples)"), ("degree", "\(s.degree)"), ("noise", "\(s.noise)")]
        case .mnist1d(let s):
            [("samples", "\(s.samples)"), ("train_split", "\(s.trainSplit)"), ("template_len", "\(s.templateLength)"),
             ("padding", "[\(s.padding.lowerBound), \(s.padding.upperBound)]"), ("scale_coeff", "\(s.scaleCoefficient)"),
             ("max_translation", "\(s.maxTranslation)"), ("corr_noise_scale", "\(s.correlatedNoiseScale)"),
             ("iid_noise_scale", "\(s.iidNoiseScale)"), ("shear_scale", "\(s.shearScale)"),
             ("shuffle_seq", "\(s.shuffleSequence)"), ("final_seq_length", "\(s.finalLength)")]
        case .function(let f):
            f.listed
        case .idx(let s):
            [("images", s.images.path), ("labels", s.labels.path)]
                + (s.testImages.map { [("test_images", $0.path)] } ?? []) + (s.testLabels.map { [("test_labels", $0.path)] } ?? [])
                + [("classes", "\(s.classes)")]
        case .cifar10(let s):
            [("files", "[" + s.files.map(\.path).joined(separator: ", ") + "]")]
                + (s.testFiles.isEmpty ? [] : [("test_files", "[" + s.testFiles.map(\.path).joined(separator: ", ") + "]")])
        case .csv(let s):
            [("path", s.file.path), ("header", "\(s.header)"), s.target.setting]
        }
    }
}

extension DatasetConfig {
    /// Whether `load` returns a test set of the dataset's own.
    public var hasOwnTestSet: Bool {
        switch self {
        case .mnist1d: true
        case .idx(let s): s.testImages != nil
        case .cifar10(let s): !s.testFiles.isEmpty
        default: false
        }
    }

    /// Whether the targets are values to fit (regression) rather than classes.
    public var isRegression: Bool {
        switch self {
        case .linear, .polynomial: true
        case .csv(let s): if case .values = s.target { true } else { false }
        default: false
        }
    }

    /// The range every feature is known to lie in, whatever the examples: 0 to 255 for the
    /// pixel bytes of image files, so that `normalize: scale` divides them by 255.
    public var valueRange: ClosedRange<Double>? {
        switch self {
        case .idx, .cifar10: 0...255
        default: nil
        }
    }
}

extension CSVTarget {
    /// `label` or `targets` and its columns, as the manifest writes them.
    var setting: (name: String, value: String) {
        switch self {
        case .label(let column): ("label", "\(column)")
        case .values(let columns): ("targets", "[" + columns.map(\.description).joined(separator: ", ") + "]")
        }
    }
}
