extension DatasetConfig {
    /// The dataset, drawn deterministically from `seed`: the same seed gives the same
    /// values, bit for bit, on every machine. See `SpiralsSettings` and `BlobsSettings`
    /// for the formulas. A function has no examples: its dataset is empty.
    public func generate(seed: UInt64) -> Dataset {
        switch self {
        case .spirals(let settings): settings.generate(seed: seed)
        case .blobs(let settings): settings.generate(seed: seed)
        case .function: Dataset(count: 0, featureCount: 2, features: [], targetCount: 1, targets: [], classCount: nil)
        }
    }

    /// The number of examples `generate` returns, without generating them.
    public var sampleCount: Int {
        switch self {
        case .spirals(let settings): max(settings.samples, 0)
        case .blobs(let settings): max(settings.samples, 0)
        case .function: 0
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
        case .function(let f):
            f.listed
        }
    }
}
