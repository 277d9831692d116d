import ExptConfig
import Foundation

/// `add_noise`: annealed Gaussian gradient noise (Neelakantan et al. 2015), as Optax's
/// `add_noise`: at step t (from 1)
///
///     u ← u + σₜ z,   z ~ N(0, 1) per element,   σₜ² = η / t^γ
///
/// (the paper's η / (1 + t)^γ with its t counted from 0). The paper's γ is 0.55, η one of 0.01,
/// 0.3 and 1.
///
/// The randomness is a pure function of (`seed`, step, element index): the index, the step and
/// the seed are mixed by SplitMix64's finaliser (Steele, Lea and Flood 2014) into two uniform
/// numbers, and the Box–Muller transform makes them one standard normal z, in double precision;
/// σₜ z is rounded to the parameters' type and added. The noise does not depend on the
/// order of the blocks, on threads or on anything of the run but the step's count: a run with the
/// same `seed` gets the same noise, and the optimizer (which has no run seed) stays reproducible.
public struct AddNoise: Transformation {
    public static let name = "add_noise"
    public static let summary = "Annealed Gaussian noise added to the update, variance η / t^γ (Neelakantan et al. 2015)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("eta", .number(\.eta, .nonNegative), "The noise's variance η at the first step."),
         Hyperparameter("gamma", .number(\.gamma, .nonNegative), "The variance's decay exponent γ."),
         Hyperparameter("seed", .integer(\.seed, 0...Int.max), "Seed of the noise: the same seed, the same noise.")]
    }

    public var eta = 0.01
    public var gamma = 0.55
    public var seed = 0

    public init() {}

    public init(eta: Double = 0.01, gamma: Double = 0.55, seed: Int = 0) {
        self.eta = eta
        self.gamma = gamma
        self.seed = seed
    }

    public var action: TransformationAction { .elementwise }

    /// σₜ = √(η / t^γ).
    func standardDeviation(step: Int) -> Double {
        (eta / pow(Double(step), gamma)).squareRoot()
    }

    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        let sigma = standardDeviation(step: step.count)
        let stride = MemoryLayout<Scalar>.stride
        for i in block.range {
            let u = block.input.load(fromByteOffset: i * stride, as: Scalar.self)
            let noise = Scalar(sigma * Self.standardNormal(seed: UInt64(seed), step: UInt64(step.count), index: UInt64(i)))
            block.numerator.storeBytes(of: u + noise, toByteOffset: i * stride, as: Scalar.self)
        }
    }

    /// z for element `index` at `step`: Box–Muller, √(−2 ln a) · cos(2π b), of two uniform
    /// numbers a in (0, 1] and b in [0, 1) from the top 53 bits of two hashes.
    static func standardNormal(seed: UInt64, step: UInt64, index: UInt64) -> Double {
        let key = mix(mix(mix(seed) ^ step) ^ index)
        let a = (Double(mix(key) >> 11) + 1) / 0x1p53
        let b = Double(mix(key &+ 0x9E37_79B9_7F4A_7C15) >> 11) / 0x1p53
        return (-2 * log(a)).squareRoot() * cos(2 * Double.pi * b)
    }

    /// SplitMix64's finaliser of `x + 0x9E3779B97F4A7C15`: a bijection of 64-bit words whose
    /// outputs for neighbouring inputs look independent.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
