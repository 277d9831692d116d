import ExptConfig
import ExptEngine

/// Points in [−1, 1]², class 1 where exactly one coordinate is negative.
public struct XORSettings: GeneratedDataset {
    public static let name = "xor"
    public static let summary = "Class 1 where exactly one coordinate is negative (2 inputs)."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples, half per class."), .noise(\.noise)]
    }

    /// Total examples, split evenly between the two classes. Default 1000.
    public var samples: Int = 1000
    /// Standard deviation of the Gaussian noise on each coordinate. Default 0.1.
    public var noise: Double = 0.1

    public init() {}

    public init(samples: Int = 1000, noise: Double = 0.1) {
        self.samples = samples
        self.noise = noise
    }

    public var classCount: Int? { 2 }
    public var inputShape: [Int]? { [2] }
}

extension XORSettings {
    /// The XOR problem: points in the square [−1, 1]², class 1 where exactly one coordinate
    /// is negative; examples grouped by class, half each (class 0 takes the odd one).
    ///
    /// Each example draws, on the xor stream, a = u₁, b = u₂ (uniform in [0, 1)) and a sign
    /// s = ±1 (u₃ < 0.5 gives −1); class 0 lies at (s·a, s·b), class 1 at (s·a, −s·b), and
    /// then `noise` times a standard normal draw is added to each coordinate (x's first).
    public func generate(seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed, stream: DataStream.xor)
        var features: [Float] = []
        var targets: [Float] = []
        for (label, size) in classSizes(samples: samples, classes: 2).enumerated() {
            for _ in 0..<size {
                let a = random.nextDouble(), b = random.nextDouble()
                let sign: Double = random.nextDouble() < 0.5 ? -1 : 1
                let x = sign * a, y = label == 0 ? sign * b : -sign * b
                features.append(Float(x + noise * random.nextGaussian()))
                features.append(Float(y + noise * random.nextGaussian()))
                targets.append(Float(label))
            }
        }
        return Dataset(count: targets.count, featureCount: 2, features: features,
                       targetCount: 1, targets: targets, classCount: 2)
    }
}
