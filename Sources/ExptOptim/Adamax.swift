import ExptConfig
import Foundation
internal import CKernels

/// Adamax (Kingma and Ba, 2015, section 7.1), Adam with the infinity norm: the update rule of
/// `torch.optim.Adamax`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ, weight decay λ, the first
/// moment m and the exponentially weighted infinity norm u:
///
///     g ← g + λ θ
///     m ← β₁ m + (1 − β₁) g
///     u ← max(β₂ u, |g| + ε)
///     θ ← θ − γ / (1 − β₁ᵗ) · m / u
///
/// ε is added to |g| inside the maximum, as torch does, not to the denominator.
public struct AdamaxHyperparameters: ElementwiseRule {
    public static let name = "adamax"
    public static let summary = "Adam with the infinity norm instead of the mean square (torch.optim.Adamax)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2),
         Hyperparameter("eps", .number(\.eps, .positive), "Added to |g| inside the maximum."),
         .coupledDecay(\.weightDecay)]
    }

    /// Learning rate. Default 0.002.
    public var lr: Double = 0.002
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the infinity norm. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to |g| inside the maximum. Default 1e-8.
    public var eps: Double = 1e-8
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
    }

    /// The first moment and the infinity norm.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount, parameterCount] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        let negativeStepSize = -Scalar(rate / (1 - pow(beta1, Double(state.stepCount))))
        AdamaxKernel(
            step: RuleStep(parameters, gradients, coupledDecay: weightDecay), firstMoment: state[0],
            infinityNorm: state[1], firstWeight: Scalar(1 - beta1), beta2: Scalar(beta2), eps: Scalar(eps),
            negativeStepSize: negativeStepSize
        ).runFastest(count: parameters.count)
    }
}

extension AdamaxHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_adamax, scale_by_learning_rate]`.
    public var chain: ChainSettings? {
        .builtIn([ScaleByAdamax(beta1: beta1, beta2: beta2, eps: eps)], lr: lr, coupledDecay: weightDecay)
    }
}

extension OptimizerConfig {
    /// Adamax with `hyperparameters`.
    public static func adamax(_ hyperparameters: AdamaxHyperparameters) -> Self { Self(hyperparameters) }
}

/// Adamax's element-wise update (see `AdamaxHyperparameters`), with and without weight decay.
struct AdamaxKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let firstMoment: UnsafeMutableRawPointer
    let infinityNorm: UnsafeMutableRawPointer
    let firstWeight: Scalar
    let beta2: Scalar
    let eps: Scalar
    /// −γ / (1 − β₁ᵗ).
    let negativeStepSize: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let firstWeight = L.Scalar(firstWeight)
        let beta2 = L(beta2)
        let eps = L(eps)
        let negativeStepSize = L(negativeStepSize)
        forEachLane(L.self, range) { theta, g, i in
            let (m, u) = Self.moments(g, at: i, firstMoment: firstMoment, infinityNorm: infinityNorm, firstWeight: firstWeight,
                                      beta2: beta2, eps: eps)
            theta = theta + negativeStepSize * m / u
        }
    }

    /// The first moment and the infinity norm for gradient `g` of element `i`, stored (also
    /// `scale_by_adamax`'s numerator and denominator).
    @inline(__always)
    static func moments<L: Lanes>(_ g: L, at i: Int, firstMoment: UnsafeMutableRawPointer, infinityNorm: UnsafeMutableRawPointer,
                                  firstWeight: L.Scalar, beta2: L, eps: L) -> (m: L, u: L) {
        let m = L.lerp(L(loadingFrom: firstMoment, at: i), g, firstWeight)
        let u = L.maximum(L(loadingFrom: infinityNorm, at: i) * beta2, g.absoluteValue() + eps)
        m.store(to: firstMoment, at: i)
        u.store(to: infinityNorm, at: i)
        return (m, u)
    }
}

extension AdamaxKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adamax_factors(first_weight: Float(firstWeight), beta2: Float(beta2), eps: Float(eps),
                                          negative_step_size: Float(negativeStepSize))
        expt_adamax_step(step.parameters.floats, step.gradients.floats, firstMoment.floats, infinityNorm.floats, count,
                         step.weightDecay.compiled, factors)
    }
}
