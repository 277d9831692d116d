import ExptConfig
import ExptEngine

/// Regression: a random polynomial of one input x in [−1, 1), plus noise.
public struct PolynomialSettings: GeneratedDataset {
    public static let name = "polynomial"
    public static let summary = "Regression: a random polynomial of x in [-1, 1), plus noise."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Examples."),
         Hyperparameter("degree", .integer(\.degree, 0...20), "Degree of the polynomial."),
         .noise(\.noise, "Standard deviation of the noise on the target.")]
    }

    /// Total examples. Default 1000.
    public var samples: Int = 1000
    /// Degree of the polynomial. Default 3.
    public var degree: Int = 3
    /// Standard deviation of the Gaussian noise on the target. Default 0.1.
    public var noise: Double = 0.1

    public init() {}

    public init(samples: Int = 1000, degree: Int = 3, noise: Double = 0.1) {
        self.samples = samples
        self.degree = degree
        self.noise = noise
    }

    public var classCount: Int? { nil }
    public var isRegression: Bool { true }
    public var inputShape: [Int]? { [1] }
}

extension PolynomialSettings {
    /// Regression on a polynomial of one input: y = c₀ + c₁x + … + c_k x^k + noise · ε, with
    /// k = `degree`.
    ///
    /// The coefficients c₀ … c_k are standard normal draws on the regression-weights stream
    /// (so they stay put when `samples` or `noise` changes). Each example draws x uniform in
    /// [−1, 1) and then ε, standard normal, on the regression-points stream; the polynomial is
    /// evaluated by Horner's rule. One feature, one target, `classCount` nil.
    public func generate(seed: UInt64) -> Dataset {
        let n = max(samples, 0)
        var weightRandom = SeededGenerator(seed: seed, stream: DataStream.regressionWeights)
        let coefficients = (0...max(degree, 0)).map { _ in weightRandom.nextGaussian() }
        var random = SeededGenerator(seed: seed, stream: DataStream.regressionPoints)
        var inputs: [Float] = []
        var outputs: [Float] = []
        for _ in 0..<n {
            let x = random.nextDouble(in: -1, 1)
            let y = coefficients.reversed().reduce(0.0) { $0 * x + $1 }
            inputs.append(Float(x))
            outputs.append(Float(y + noise * random.nextGaussian()))
        }
        return Dataset(count: n, featureCount: 1, features: inputs, targetCount: 1, targets: outputs, classCount: nil)
    }
}
