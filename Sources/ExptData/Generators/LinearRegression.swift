import ExptConfig
import ExptEngine

/// Regression: y = x W + noise, with standard normal x and W.
public struct LinearSettings: GeneratedDataset {
    public static let name = "linear"
    public static let summary = "Regression: y = x W + noise, with standard normal x and W."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples."),
         .features("features", \.features, "Inputs per example."),
         .features("targets", \.targets, "Outputs per example."),
         .noise(\.noise, "Standard deviation of the noise on each target.")]
    }

    /// Total examples. Default 1000.
    public var samples: Int = 1000
    /// Inputs per example. Default 2.
    public var features: Int = 2
    /// Outputs per example. Default 1.
    public var targets: Int = 1
    /// Standard deviation of the Gaussian noise on each target. Default 0.1.
    public var noise: Double = 0.1

    public init() {}

    public init(samples: Int = 1000, features: Int = 2, targets: Int = 1, noise: Double = 0.1) {
        self.samples = samples
        self.features = features
        self.targets = targets
        self.noise = noise
    }

    public var classCount: Int? { nil }
    public var targetCount: Int { targets }
    public var isRegression: Bool { true }
    public var inputShape: [Int]? { [features] }
}

extension LinearSettings {
    /// Linear regression: y = x W + noise · ε, with d = `features` inputs and t = `targets`
    /// outputs.
    ///
    /// The true weights W (d × t, row-major) are standard normal draws on the
    /// regression-weights stream, so they stay put when `samples` or `noise` changes. Each
    /// example then draws its d inputs, standard normal, and its t noise draws ε, on the
    /// regression-points stream. Regression: `classCount` is nil and each example has t targets.
    public func generate(seed: UInt64) -> Dataset {
        let d = max(features, 0), t = max(targets, 0), n = max(samples, 0)
        var weightRandom = SeededGenerator(seed: seed, stream: DataStream.regressionWeights)
        let weights = (0..<d * t).map { _ in weightRandom.nextGaussian() }
        var random = SeededGenerator(seed: seed, stream: DataStream.regressionPoints)
        var inputs: [Float] = []
        var outputs: [Float] = []
        for _ in 0..<n {
            let x = (0..<d).map { _ in random.nextGaussian() }
            for output in 0..<t {
                var y = 0.0
                for input in 0..<d { y += x[input] * weights[input * t + output] }
                outputs.append(Float(y + noise * random.nextGaussian()))
            }
            inputs += x.map(Float.init)
        }
        return Dataset(count: n, featureCount: d, features: inputs, targetCount: t, targets: outputs, classCount: nil)
    }
}
