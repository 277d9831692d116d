import ExptData

/// `data`: the dataset and its split.
///
/// ```yaml
/// data:
///   dataset: spirals     # required: spirals | blobs
///   samples: 600         # settings of the dataset, next to `dataset` (defaults of SpiralsSettings / BlobsSettings)
///   validation: 0.2      # number in (0, 1), default 0.2
///   seed: 0              # non-negative integer, default 0
/// ```
/// spirals: `samples` (integer 1…10000000, default 1000), `classes` (2…1000, default 2),
/// `noise` (≥ 0, default 0.1), `turns` (> 0, default 1.5).
/// blobs: `samples` (default 1000), `classes` (default 3), `features` (1…10000, default 2),
/// `noise` (≥ 0, default 1.0), `spread` (> 0, default 5.0).
/// `samples` must be at least `classes`.
extension ManifestDecoder {
    static let dataKeys = ["dataset", "validation", "seed"]
    static let spiralsKeys = ["samples", "classes", "noise", "turns"]
    static let blobsKeys = ["samples", "classes", "features", "noise", "spread"]
    static let maximumSamples = 10_000_000
    static let maximumClasses = 1000
    static let maximumFeatures = 10_000

    /// Decoded data settings, with what the cross-key checks need.
    struct DecodedData {
        var config: DataConfig
        var classes: Int
        /// Where the class count comes from: the `classes` value, or `dataset` for the default.
        var classesSource: Tree
        /// Where the input size comes from: the `features` value, or `dataset`.
        var featuresSource: Tree
    }

    func dataConfig(_ tree: Tree) -> DecodedData? {
        let datasetName = tree["dataset"]?.name
        if let function = datasetName.flatMap(TestFunction.init(rawValue:)) { return functionData(tree, function) }
        let specific: [String] = switch datasetName {
        case "spirals": Self.spiralsKeys
        case "blobs": Self.blobsKeys
        default: Array(Set(Self.spiralsKeys + Self.blobsKeys + Self.functionKeys))  // unknown dataset: no key is flagged for it
        }
        guard let fields = fields(tree, allowed: Self.dataKeys + specific) else { return nil }
        let start = errorCount
        let datasetTree = fields.required("dataset")
        let kind = datasetTree.flatMap { choice($0, "dataset", [("spirals", 0), ("blobs", 1)] + TestFunction.allCases.map { ($0.rawValue, 2) }) }
        let validation = fields.optional("validation").map { number($0, .openUnit) } ?? 0.2
        let seed = fields.optional("seed").map { self.seed($0) } ?? 0

        let samplesTree = fields.optional("samples")
        let classesTree = fields.optional("classes")
        func intSetting(_ key: String, _ range: ClosedRange<Int>, default value: Int) -> Int? {
            fields.optional(key).map { self.integer($0, range) } ?? value
        }
        func numberSetting(_ key: String, _ range: NumberRange, default value: Double) -> Double? {
            fields.optional(key).map { self.number($0, range) } ?? value
        }

        var dataset: DatasetConfig?
        var classes: Int?
        switch kind {
        case 0:
            let d = SpiralsSettings()
            let samples = intSetting("samples", 1...Self.maximumSamples, default: d.samples)
            let count = intSetting("classes", 2...Self.maximumClasses, default: d.classes)
            let noise = numberSetting("noise", .nonNegative, default: d.noise)
            let turns = numberSetting("turns", .positive, default: d.turns)
            if let samples, let count, let noise, let turns {
                dataset = .spirals(SpiralsSettings(samples: samples, classes: count, noise: noise, turns: turns))
                classes = count
            }
        case 1:
            let d = BlobsSettings()
            let samples = intSetting("samples", 1...Self.maximumSamples, default: d.samples)
            let count = intSetting("classes", 2...Self.maximumClasses, default: d.classes)
            let features = intSetting("features", 1...Self.maximumFeatures, default: d.features)
            let noise = numberSetting("noise", .nonNegative, default: d.noise)
            let spread = numberSetting("spread", .positive, default: d.spread)
            if let samples, let count, let features, let noise, let spread {
                dataset = .blobs(BlobsSettings(samples: samples, classes: count, features: features, noise: noise, spread: spread))
                classes = count
            }
        default:
            break
        }
        guard errorCount == start, let dataset, let classes, let validation, let seed, let datasetTree else { return nil }
        if let samplesTree, dataset.samples < classes {
            let note = variantNote(at: samplesTree, involving: [classesTree])
            error(samplesTree, "expected at least \(classes) samples, one per class, found \(dataset.samples)\(note)")
            return nil
        }
        return DecodedData(config: DataConfig(dataset: dataset, validation: validation, seed: seed),
                           classes: classes, classesSource: classesTree ?? datasetTree,
                           featuresSource: fields.optional("features") ?? datasetTree)
    }
}

extension DatasetConfig {
    var samples: Int {
        switch self {
        case .spirals(let s): s.samples
        case .blobs(let b): b.samples
        case .function: 0
        }
    }

    /// The number of inputs of each example: 2 for spirals (points in the plane).
    var features: Int {
        switch self {
        case .spirals: 2
        case .blobs(let b): b.features
        case .function: 2
        }
    }
}
