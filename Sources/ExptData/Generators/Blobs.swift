import ExptConfig
import ExptEngine

/// Isotropic Gaussian clusters, one per class: centres uniform in [−spread, spread) in every
/// dimension, examples at centre + noise·N(0, 1) per coordinate.
public struct BlobsSettings: GeneratedDataset {
    public static let name = "blobs"
    public static let summary = "Isotropic Gaussian clusters, one per class."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples, split evenly between the clusters."),
         .classes(\.classes, "Clusters (classes)."),
         .features("features", \.features, "Dimension of each example."),
         .noise(\.noise, "Standard deviation of each cluster around its centre."),
         Hyperparameter("spread", .number(\.spread, .positive), "Centres lie in [-spread, spread] in every dimension.")]
    }

    /// Total number of examples, split evenly between the clusters. Default 1000.
    public var samples: Int = 1000
    /// Number of clusters (classes). Default 3.
    public var classes: Int = 3
    /// Dimension of each example. Default 2.
    public var features: Int = 2
    /// Standard deviation of each cluster around its centre. Default 1.0.
    public var noise: Double = 1.0
    /// Centres are drawn uniformly from [-spread, spread] in every dimension. Default 5.0.
    public var spread: Double = 5.0

    public init() {}

    public init(samples: Int = 1000, classes: Int = 3, features: Int = 2, noise: Double = 1.0, spread: Double = 5.0) {
        self.samples = samples
        self.classes = classes
        self.features = features
        self.noise = noise
        self.spread = spread
    }

    public var classCount: Int? { classes }
    public var inputShape: [Int]? { [features] }
}

extension BlobsSettings {
    /// Isotropic Gaussian clusters, one per class, examples grouped by class (class 0
    /// first; `split` shuffles them).
    ///
    /// With K = `classes` and d = `features`, the centres c_0 … c_{K−1} are drawn first,
    /// coordinate by coordinate, uniformly from [−spread, spread) on the blob-centre stream.
    /// Class k gets n_k examples (`samples` split as evenly as possible, the first classes
    /// taking the remainder), each `x = c_k + noise · ε` with ε a vector of d standard
    /// normal draws on the blob-point stream. The two streams are independent, so the
    /// centres do not move when `samples` or `noise` changes. Targets are the class index k
    /// as a Float (targetCount 1), and `classCount` is K.
    ///
    /// Assumes `samples >= 1`, `classes >= 1` and `features >= 1`, which the manifest
    /// checks; otherwise negative samples and features count as 0 and classes below 1 as 1.
    /// When `samples < classes` the last classes are empty but still counted in `classCount`.
    public func generate(seed: UInt64) -> Dataset {
        let sizes = classSizes(samples: samples, classes: classes)
        let dimension = max(features, 0)
        var centreRandom = SeededGenerator(seed: seed, stream: DataStream.blobCentres)
        let centres = (0..<sizes.count).map { _ in
            (0..<dimension).map { _ in centreRandom.nextDouble(in: -spread, spread) }
        }
        var pointRandom = SeededGenerator(seed: seed, stream: DataStream.blobPoints)
        var values: [Float] = []
        var targets: [Float] = []
        values.reserveCapacity(dimension * max(samples, 0))
        targets.reserveCapacity(max(samples, 0))
        for (label, size) in sizes.enumerated() {
            for _ in 0..<size {
                for coordinate in centres[label] {
                    values.append(Float(coordinate + noise * pointRandom.nextGaussian()))
                }
                targets.append(Float(label))
            }
        }
        return Dataset(count: targets.count, featureCount: dimension, features: values,
                       targetCount: 1, targets: targets, classCount: sizes.count)
    }
}
