/// A dataset as a manifest declares it.
public enum DatasetConfig: Sendable, Hashable, Codable {
    /// Interleaved spiral arms, one per class, in the plane: example i of the n_k of class k
    /// (of K) lies at radius t = (i + 1) / n_k and angle 2π·turns·t + 2π·k/K, plus Gaussian
    /// noise of standard deviation `noise` on each coordinate.
    case spirals(SpiralsSettings)
    /// Isotropic Gaussian clusters, one per class: centres uniform in [−spread, spread) in
    /// every dimension, examples at centre + noise·N(0, 1) per coordinate.
    case blobs(BlobsSettings)
    /// Two interleaving half circles (scikit-learn's `make_moons`).
    case moons(MoonsSettings)
    /// Two concentric circles (scikit-learn's `make_circles`).
    case circles(CirclesSettings)
    /// Points in [−1, 1]², class 1 where exactly one coordinate is negative.
    case xor(XORSettings)
    /// Regression: y = x W + noise.
    case linear(LinearSettings)
    /// Regression: a polynomial of one input, plus noise.
    case polynomial(PolynomialSettings)
    /// MNIST-1D, identical to the `mnist1d` package's `make_dataset`, with its own test split.
    case mnist1d(MNIST1DSettings)
    /// A 2D test function (Rosenbrock, ...): no examples, an optimizer moves one point.
    case function(FunctionSettings)
    /// Images and labels in IDX files (MNIST and its relatives), each image `[1, h, w]`.
    case idx(IDXSettings)
    /// CIFAR-10's binary batches, each image `[3, 32, 32]`.
    case cifar10(CIFAR10Settings)
    /// Rows of a CSV file: a label or regression targets, the other columns as features.
    case csv(CSVSettings)

    /// The name used in manifests and reports.
    public var name: String {
        switch self {
        case .spirals: "spirals"
        case .blobs: "blobs"
        case .moons: "moons"
        case .circles: "circles"
        case .xor: "xor"
        case .linear: "linear"
        case .polynomial: "polynomial"
        case .mnist1d: "mnist1d"
        case .function(let f): f.function.rawValue
        case .idx: "idx"
        case .cifar10: "cifar10"
        case .csv: "csv"
        }
    }
}

/// Settings of the two-dimensional spirals dataset.
public struct SpiralsSettings: Sendable, Hashable, Codable {
    /// Total number of examples, split evenly between the arms. Default 1000.
    public var samples: Int = 1000
    /// Number of arms (classes). Default 2.
    public var classes: Int = 2
    /// Standard deviation of the Gaussian noise added to each coordinate. Default 0.1.
    public var noise: Double = 0.1
    /// How many full turns each arm makes around the centre. Default 1.5.
    public var turns: Double = 1.5

    public init(samples: Int = 1000, classes: Int = 2, noise: Double = 0.1, turns: Double = 1.5) {
        self.samples = samples
        self.classes = classes
        self.noise = noise
        self.turns = turns
    }
}

/// Settings of the Gaussian blobs dataset.
public struct BlobsSettings: Sendable, Hashable, Codable {
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

    public init(samples: Int = 1000, classes: Int = 3, features: Int = 2, noise: Double = 1.0, spread: Double = 5.0) {
        self.samples = samples
        self.classes = classes
        self.features = features
        self.noise = noise
        self.spread = spread
    }
}
