import Foundation
import ExptConfig
import ExptEngine

/// The spirals dataset: interleaved spiral arms, one per class, in the plane. Example i of the
/// n_k of class k (of K) lies at radius t = (i + 1) / n_k and angle 2π·turns·t + 2π·k/K, plus
/// Gaussian noise of standard deviation `noise` on each coordinate.
public struct SpiralsSettings: GeneratedDataset {
    public static let name = "spirals"
    public static let summary = "Interleaved spiral arms in the plane, one per class (2 inputs)."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples, split evenly between the arms."),
         .classes(\.classes, "Arms (classes)."),
         .noise(\.noise),
         Hyperparameter("turns", .number(\.turns, .positive), "Full turns of each arm around the centre.")]
    }

    /// Total number of examples, split evenly between the arms. Default 1000.
    public var samples: Int = 1000
    /// Number of arms (classes). Default 2.
    public var classes: Int = 2
    /// Standard deviation of the Gaussian noise added to each coordinate. Default 0.1.
    public var noise: Double = 0.1
    /// How many full turns each arm makes around the centre. Default 1.5.
    public var turns: Double = 1.5

    public init() {}

    public init(samples: Int = 1000, classes: Int = 2, noise: Double = 0.1, turns: Double = 1.5) {
        self.samples = samples
        self.classes = classes
        self.noise = noise
        self.turns = turns
    }

    public var classCount: Int? { classes }
    public var inputShape: [Int]? { [2] }
}

extension SpiralsSettings {
    /// Interleaved spiral arms in the plane, one per class, examples grouped by class
    /// (class 0 first; `split` shuffles them).
    ///
    /// With K = `classes` arms, class k gets n_k examples (`samples` split as evenly as
    /// possible, the first classes taking the remainder). Its i-th example, i = 0..<n_k, is
    ///
    ///     t = (i + 1) / n_k                          (in (0, 1])
    ///     θ = 2π · turns · t + 2π · k / K
    ///     x = t · cos θ + noise · ε₁,   y = t · sin θ + noise · ε₂
    ///
    /// so the radius is t, and ε₁, ε₂ are standard normal draws (x's first) from the
    /// generator seeded by `seed` on the spiral-noise stream. Targets are the class index k
    /// as a Float (targetCount 1), and `classCount` is K.
    ///
    /// Assumes `samples >= 1` and `classes >= 1`, which the manifest checks; otherwise
    /// negative samples count as 0 (an empty dataset) and classes below 1 as 1. When
    /// `samples < classes` the last classes are empty but still counted in `classCount`.
    public func generate(seed: UInt64) -> Dataset {
        let sizes = classSizes(samples: samples, classes: classes)
        let arms = sizes.count
        var random = SeededGenerator(seed: seed, stream: DataStream.spiralNoise)
        var features: [Float] = []
        var targets: [Float] = []
        features.reserveCapacity(2 * max(samples, 0))
        targets.reserveCapacity(max(samples, 0))
        for (arm, size) in sizes.enumerated() {
            for i in 0..<size {
                let t = Double(i + 1) / Double(size)
                let angle = 2 * Double.pi * (turns * t + Double(arm) / Double(arms))
                let x = t * cos(angle) + noise * random.nextGaussian()
                let y = t * sin(angle) + noise * random.nextGaussian()
                features.append(Float(x))
                features.append(Float(y))
                targets.append(Float(arm))
            }
        }
        return Dataset(count: targets.count, featureCount: 2, features: features,
                       targetCount: 1, targets: targets, classCount: arms)
    }
}
