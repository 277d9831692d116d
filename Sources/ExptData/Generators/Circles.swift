import Foundation
import ExptConfig
import ExptEngine

/// Two concentric circles, as scikit-learn's `make_circles`.
public struct CirclesSettings: GeneratedDataset {
    public static let name = "circles"
    public static let summary = "Two concentric circles, as scikit-learn's make_circles (2 inputs)."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples, half per circle."), .noise(\.noise),
         Hyperparameter("factor", .number(\.factor, .openUnit), "Radius of the inner circle (the outer has radius 1).")]
    }

    /// Total examples, split evenly between the circles. Default 1000.
    public var samples: Int = 1000
    /// Standard deviation of the Gaussian noise on each coordinate. Default 0.05.
    public var noise: Double = 0.05
    /// Radius of the inner circle (the outer one has radius 1), in (0, 1). Default 0.5.
    public var factor: Double = 0.5

    public init() {}

    public init(samples: Int = 1000, noise: Double = 0.05, factor: Double = 0.5) {
        self.samples = samples
        self.noise = noise
        self.factor = factor
    }

    public var classCount: Int? { 2 }
    public var inputShape: [Int]? { [2] }
}

extension CirclesSettings {
    /// Two concentric circles, as scikit-learn's `make_circles`, examples grouped by class.
    ///
    /// Class 0 (the first n₀ = ⌈samples/2⌉ examples) lies on the circle of radius 1, class 1 on
    /// the circle of radius `factor`, each at n_k evenly spaced angles φ_i = 2π · i / n_k:
    /// (r cos φ_i, r sin φ_i), plus `noise` times a standard normal draw per coordinate (x's
    /// first) on the circles stream.
    public func generate(seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed, stream: DataStream.circles)
        var features: [Float] = []
        var targets: [Float] = []
        for (label, size) in classSizes(samples: samples, classes: 2).enumerated() {
            let radius = label == 0 ? 1.0 : factor
            for i in 0..<size {
                let angle = 2 * Double.pi * Double(i) / Double(size)
                features.append(Float(radius * cos(angle) + noise * random.nextGaussian()))
                features.append(Float(radius * sin(angle) + noise * random.nextGaussian()))
                targets.append(Float(label))
            }
        }
        return Dataset(count: targets.count, featureCount: 2, features: features,
                       targetCount: 1, targets: targets, classCount: 2)
    }
}
