import ExptConfig
import Foundation
internal import CKernels

/// RAdam (Liu et al., 2020), Adam with a rectified variance: the update rule of
/// `torch.optim.RAdam`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ:
///
///     θ ← θ (1 − γ λ)  if decoupled,  else  g ← g + λ θ
///     m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,   m̂ = m / (1 − β₁ᵗ)
///     ρ∞ = 2 / (1 − β₂) − 1,   ρₜ = ρ∞ − 2 t β₂ᵗ / (1 − β₂ᵗ)
///     ρₜ > 5:  r = √((ρₜ − 4)(ρₜ − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρₜ)),
///              θ ← θ − γ m̂ · √(1 − β₂ᵗ) / (√v + ε) · r
///     else:    θ ← θ − γ m̂                (plain momentum while the variance is unreliable)
///
/// With the default β₂ = 0.999 the first five steps are plain momentum steps.
public struct RAdamHyperparameters: ElementwiseRule {
    public static let name = "radam"
    public static let summary = "Adam with a rectified adaptive rate, a built-in warm-up (torch.optim.RAdam)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2), .eps(\.eps), .switchableDecay(\.weightDecay),
         .decoupled(\.decoupledWeightDecay)]
    }

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// Weight decay, added to the gradient or (decoupled) shrinking the parameters. Default 0.
    public var weightDecay: Double = 0
    /// Shrink the parameters by lr · weight_decay instead of adding to the gradient. Default false.
    public var decoupledWeightDecay: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// The first and second moments.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount, parameterCount] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate lr: Double) {
        let t = Double(state.stepCount)
        let correction1 = Scalar(1 - pow(beta1, t))
        let correction2Root = Scalar((1 - pow(beta2, t)).squareRoot())
        let rectification = Self.rectification(beta2: beta2, step: state.stepCount)
        RAdamKernel(
            step: RuleStep(parameters, gradients, weightDecay: weightDecay, decoupled: decoupledWeightDecay, learningRate: lr),
            moments: TwoMoments(first: state[0], second: state[1], beta1: beta1, beta2: beta2), eps: Scalar(eps),
            correction1: correction1, correction2Root: correction2Root, rectified: rectification != nil,
            rectification: Scalar(rectification ?? 1), rate: Scalar(lr)
        ).runFastest(count: parameters.count)
    }

    /// The rectification r of step `t` for decay β₂ (`beta2`), or nil while ρₜ ≤ 5:
    /// ρ∞ = 2 / (1 − β₂) − 1, ρₜ = ρ∞ − 2 t β₂ᵗ / (1 − β₂ᵗ), r = √((ρₜ − 4)(ρₜ − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρₜ)).
    static func rectification(beta2: Double, step t: Int) -> Double? {
        let t = Double(t)
        let rhoInfinity = 2 / (1 - beta2) - 1
        let rho = rhoInfinity - 2 * t * pow(beta2, t) / (1 - pow(beta2, t))
        guard rho > 5 else { return nil }
        return ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot()
    }
}

extension RAdamHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_radam, scale_by_learning_rate]`, or with `add_decayed_weights: λ`
    /// after the rule when decoupled.
    public var chain: ChainSettings? {
        .builtIn([ScaleByRAdam(beta1: beta1, beta2: beta2, eps: eps)], lr: lr,
                 coupledDecay: decoupledWeightDecay ? 0 : weightDecay, decoupledDecay: decoupledWeightDecay ? weightDecay : 0)
    }
}

extension OptimizerConfig {
    /// RAdam with `hyperparameters`.
    public static func radam(_ hyperparameters: RAdamHyperparameters) -> Self { Self(hyperparameters) }
}

/// RAdam's element-wise update (see `RAdamHyperparameters`): one loop per weight decay mode, rectified or not.
struct RAdamKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let moments: TwoMoments<Scalar>
    let eps: Scalar
    /// 1 − β₁ᵗ.
    let correction1: Scalar
    /// √(1 − β₂ᵗ).
    let correction2Root: Scalar
    /// ρₜ > 5: the adaptive step, scaled by `rectification`; else plain momentum.
    let rectified: Bool
    let rectification: Scalar
    let rate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if rectified { loop(L.self, range, rectified: true) } else { loop(L.self, range, rectified: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, rectified: Bool) {
        let moments = TwoMomentLanes<L>(moments)
        let eps = L(eps)
        let correction1 = L(correction1)
        let correction2Root = L(correction2Root)
        let rectification = L(rectification)
        let rate = L(rate)
        let one = L(1.0)
        forEachLane(L.self, range) { theta, g, i in
            let (m, v) = moments.update(g, at: i)
            theta = theta - Self.step(m, v, rectified: rectified, correction1: correction1, correction2Root: correction2Root,
                                      eps: eps, rectification: rectification, rate: rate, one: one)
        }
    }

    /// The step for moments `m` and `v`: γ m̂ · (1 / (√v + ε)) · √(1 − β₂ᵗ) · r once rectified, else
    /// γ m̂, in torch's order (also `scale_by_radam`'s update).
    @inline(__always)
    static func step<L: Lanes>(_ m: L, _ v: L, rectified: Bool, correction1: L, correction2Root: L, eps: L, rectification: L,
                               rate: L, one: L) -> L {
        let scaledMoment = m / correction1 * rate
        guard rectified else { return scaledMoment }
        // torch: √(1 − β₂ᵗ) / (√v + ε) is computed as (1 / (√v + ε)) · √(1 − β₂ᵗ).
        let adaptiveRate = one / (v.squareRoot() + eps) * correction2Root
        return scaledMoment * adaptiveRate * rectification
    }
}

extension RAdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_radam_factors(
            moments: moments.compiled, eps: Float(eps), correction1: Float(correction1),
            correction2_root: Float(correction2Root), rectification: Float(rectification), rate: Float(rate))
        expt_radam_step(step.parameters.floats, step.gradients.floats, moments.first.floats, moments.second.floats, count,
                        step.weightDecay.compiled, rectified, factors)
    }
}
