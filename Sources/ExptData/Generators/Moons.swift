import Foundation
import ExptConfig
import ExptEngine

/// Two interleaving half circles, as scikit-learn's `make_moons`.
public struct MoonsSettings: GeneratedDataset {
    public static let name = "moons"
    public static let summary = "Two interleaving half circles, as scikit-learn's make_moons (2 inputs)."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples, half per class."), .noise(\.noise)]
    }

    /// Total examples, split evenly between the two moons. Default 1000.
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

extension MoonsSettings {
    /// Two interleaving half circles, as scikit-learn's `make_moons`, examples grouped by class.
    ///
    /// Class 0 (the first n₀ = ⌈samples/2⌉ examples) lies on the upper half circle, class 1 on
    /// the lower one shifted right and down. With φ_i = π · i / (n_k − 1) (φ = 0 when n_k = 1):
    ///
    ///     class 0: (cos φ_i, sin φ_i)
    ///     class 1: (1 − cos φ_i, 0.5 − sin φ_i)
    ///
    /// plus `noise` times a standard normal draw per coordinate (x's first) on the moons stream.
    public func generate(seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed, stream: DataStream.moons)
        var features: [Float] = []
        var targets: [Float] = []
        for (label, size) in classSizes(samples: samples, classes: 2).enumerated() {
            for i in 0..<size {
                let angle = size > 1 ? Double.pi * Double(i) / Double(size - 1) : 0
                let (x, y) = label == 0 ? (cos(angle), sin(angle)) : (1 - cos(angle), 0.5 - sin(angle))
                features.append(Float(x + noise * random.nextGaussian()))
                features.append(Float(y + noise * random.nextGaussian()))
                targets.append(Float(label))
            }
        }
        return Dataset(count: targets.count, featureCount: 2, features: features,
                       targetCount: 1, targets: targets, classCount: 2)
    }
}
