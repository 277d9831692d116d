import ExptConfig
import Foundation

/// AdaBelief (Zhuang et al., 2020): Adam whose second moment is the variance of the gradient
/// around its running mean, the "belief" in the gradient, instead of the gradient's square.
/// The update of the authors' adabelief-pytorch 0.2.0 with `rectify` and `fixed_decay` off
/// (rectification is RAdam's warm-up, which expt offers as `radam`).
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ:
///
///     θ ← θ (1 − γ λ)                   (weight_decouple, the default)
///     g ← g + λ θ                       (weight_decouple off)
///     m ← β₁ m + (1 − β₁) g
///     s ← β₂ s + (1 − β₂) (g − m)² + ε
///     ŝmax ← max(ŝmax, s)               (AMSGrad only; then ŝmax replaces s below)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√s / √(1 − β₂ᵗ) + ε)
///
/// ε enters twice, as in the package: added to s (and kept there) and to the denominator. The
/// scalar factors are formed in double precision and the element-wise operations follow the
/// package's torch calls (mul_/add_, addcmul_, add_, sqrt, addcdiv_).
public struct AdaBeliefHyperparameters: ElementwiseRule {
    public static let name = "adabelief"
    public static let summary = "Adam with the gradient's variance around its mean as second moment (Zhuang et al., 2020)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2),
         Hyperparameter("eps", .number(\.eps, .positive), "Added to the second moment each step, and to the denominator."),
         Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "Weight decay, decoupled unless weight_decouple is false."),
         Hyperparameter("weight_decouple", .flag(\.weightDecouple), "Shrink the parameters by lr · weight_decay instead of adding it to the gradient."),
         Hyperparameter("amsgrad", .flag(\.amsgrad), "Use the maximum of past second moments.")]
    }

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the second moment and to the denominator. Default 1e-16 (the package's 0.2 default).
    public var eps: Double = 1e-16
    /// Weight decay λ. Default 0.
    public var weightDecay: Double = 0
    /// Decoupled weight decay (θ ← θ (1 − γλ)) instead of λθ added to the gradient. Default true.
    public var weightDecouple: Bool = true
    /// Use the maximum of past second moments. Default false.
    public var amsgrad: Bool = false

    /// Every hyperparameter at adabelief-pytorch 0.2.0's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-16, weightDecay: Double = 0,
                weightDecouple: Bool = true, amsgrad: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.weightDecouple = weightDecouple
        self.amsgrad = amsgrad
    }

    /// The first moment, the belief s, and the maximum of s (AMSGrad only).
    public func stateLengths(parameterCount: Int) -> [Int] {
        [parameterCount, parameterCount, amsgrad ? parameterCount : 0]
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate lr: Double) {
        let t = Double(state.stepCount)
        AdaBeliefKernel(
            step: RuleStep(parameters, gradients, weightDecay: weightDecay, decoupled: weightDecouple, learningRate: lr),
            first: state[0], belief: state[1], maxBelief: state[2], amsgrad: amsgrad,
            beta1: Scalar(beta1), firstWeight: Scalar(1 - beta1), beta2: Scalar(beta2), secondWeight: Scalar(1 - beta2),
            eps: Scalar(eps), correction2Root: Scalar((1 - pow(beta2, t)).squareRoot()),
            negativeStepSize: Scalar(-lr / (1 - pow(beta1, t)))
        ).runVectorized(count: parameters.count)
    }
}

extension AdaBeliefHyperparameters {
    /// The chain these settings equal: `[scale_by_belief, add_decayed_weights: λ,
    /// scale_by_learning_rate]` (`add_l2: λ` first instead without `weight_decouple`), without a
    /// decay at 0; nil with AMSGrad, which `scale_by_belief` does not offer.
    public var chain: ChainSettings? {
        guard !amsgrad else { return nil }
        return .builtIn([ScaleByBelief(beta1: beta1, beta2: beta2, eps: eps)], lr: lr,
                        coupledDecay: weightDecouple ? 0 : weightDecay, decoupledDecay: weightDecouple ? weightDecay : 0)
    }
}

extension OptimizerConfig {
    /// AdaBelief with `hyperparameters`.
    public static func adabelief(_ hyperparameters: AdaBeliefHyperparameters) -> Self { Self(hyperparameters) }
}

/// AdaBelief's element-wise update (see `AdaBeliefHyperparameters`), one loop per AMSGrad setting.
struct AdaBeliefKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let first: UnsafeMutableRawPointer
    let belief: UnsafeMutableRawPointer
    let maxBelief: UnsafeMutableRawPointer
    let amsgrad: Bool
    let beta1: Scalar
    /// 1 − β₁.
    let firstWeight: Scalar
    let beta2: Scalar
    /// 1 − β₂.
    let secondWeight: Scalar
    let eps: Scalar
    /// √(1 − β₂ᵗ).
    let correction2Root: Scalar
    /// −γ / (1 − β₁ᵗ).
    let negativeStepSize: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if amsgrad { loop(L.self, range, amsgrad: true) } else { loop(L.self, range, amsgrad: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, amsgrad: Bool) {
        let beta1 = L(beta1), firstWeight = L(firstWeight), beta2 = L(beta2), secondWeight = L(secondWeight)
        let eps = L(eps), correction2Root = L(correction2Root), negativeStepSize = L(negativeStepSize)
        forEachLane(L.self, range) { theta, g, i in
            // The package's exp_avg.mul_(β₁).add_(g, alpha: 1 − β₁), then addcmul_ of the residual.
            let m = L(loadingFrom: first, at: i) * beta1 + firstWeight * g
            let residual = g - m
            var s = beta2 * L(loadingFrom: belief, at: i) + secondWeight * residual * residual + eps
            m.store(to: first, at: i)
            s.store(to: belief, at: i)
            if amsgrad {
                s = L.maximum(L(loadingFrom: maxBelief, at: i), s)
                s.store(to: maxBelief, at: i)
            }
            theta = theta + negativeStepSize * m / (s.squareRoot() / correction2Root + eps)
        }
    }
}
