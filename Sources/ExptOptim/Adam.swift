import ExptConfig
import Foundation
internal import CKernels

/// Adam (Kingma and Ba, 2015) with optional AMSGrad (Reddi et al., 2018): the update rule of
/// `torch.optim.Adam`, including where ε enters and how weight decay is coupled; with
/// `DecoupledDecayAdam` it is `torch.optim.AdamW` (Loshchilov and Hutter, 2019).
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ:
///
///     θ ← θ (1 − γ λ)                   (decoupled: AdamW)
///     g ← g + λ θ                       (coupled: Adam)
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     v̂max ← max(v̂max, v)               (AMSGrad only; then v̂max replaces v below)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Bias correction is always on, as in the paper and in PyTorch (mlx defaults it off).
/// The scalar factors are computed in double precision and applied in `Scalar`, as PyTorch
/// does, and the element-wise operations follow the order of torch's kernels (lerp,
/// mul_/addcmul_, addcdiv_). Torch's CPU build fuses some of them into multiply-adds and
/// computes float32 sqrt through MKL, so float32 trajectories agree to a few ulps, not bit for
/// bit (see Tests/ExptOptimTests/ReferenceTrajectoryTests.swift).
public struct AdamSettings<Variant: AdamVariant>: ElementwiseRule {
    public static var name: String { Variant.name }
    public static var summary: String { Variant.summary }
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2), .eps(\.eps),
         Variant.decoupled ? .decoupledDecay(\.weightDecay) : .coupledDecay(\.weightDecay),
         Hyperparameter("amsgrad", .flag(\.amsgrad), "Use the maximum of past second moments.")]
    }

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// Weight decay λ, added to the gradient (Adam) or shrinking the parameters by lr · λ
    /// before the step (AdamW). Default 0 (Adam), 0.01 (AdamW).
    public var weightDecay: Double = Variant.defaultWeightDecay
    /// Use the maximum of past second moments (AMSGrad, Reddi et al. 2018). Default false.
    public var amsgrad: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                weightDecay: Double = Variant.defaultWeightDecay, amsgrad: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
    }

    /// The first and second moments, and the maximum second moment (AMSGrad only).
    public func stateLengths(parameterCount: Int) -> [Int] {
        [parameterCount, parameterCount, amsgrad ? parameterCount : 0]
    }

    @_specialize(where Variant == CoupledDecayAdam, Scalar == Float)
    @_specialize(where Variant == CoupledDecayAdam, Scalar == Double)
    @_specialize(where Variant == DecoupledDecayAdam, Scalar == Float)
    @_specialize(where Variant == DecoupledDecayAdam, Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate lr: Double) {
        let t = Double(state.stepCount)
        let negativeStepSize = -Scalar(lr / (1 - pow(beta1, t)))
        let correction2Root = Scalar((1 - pow(beta2, t)).squareRoot())
        AdamKernel(
            step: RuleStep(parameters, gradients, weightDecay: weightDecay, decoupled: Variant.decoupled, learningRate: lr),
            moments: TwoMoments(first: state[0], second: state[1], beta1: beta1, beta2: beta2),
            maxSecondMoment: state[2], amsgrad: amsgrad, eps: Scalar(eps), correction2Root: correction2Root,
            negativeStepSize: negativeStepSize
        ).runFastest(count: parameters.count)
    }
}

/// What tells Adam and AdamW apart: the name, where weight decay applies, and its default.
public protocol AdamVariant: Sendable {
    static var name: String { get }
    static var summary: String { get }
    /// Weight decay shrinks the parameters (AdamW) instead of entering the gradient (Adam).
    static var decoupled: Bool { get }
    static var defaultWeightDecay: Double { get }
}

/// Adam as `torch.optim.Adam`: weight decay added to the gradient, 0 by default.
public enum CoupledDecayAdam: AdamVariant {
    public static let name = "adam"
    public static let summary = "Adam, with bias-corrected first and second moments (torch.optim.Adam)."
    public static let decoupled = false
    public static let defaultWeightDecay = 0.0
}

/// AdamW as `torch.optim.AdamW` (Loshchilov and Hutter, 2019): decoupled weight decay, 0.01 by default.
public enum DecoupledDecayAdam: AdamVariant {
    public static let name = "adamw"
    public static let summary = "Adam with decoupled weight decay (torch.optim.AdamW)."
    public static let decoupled = true
    public static let defaultWeightDecay = 0.01
}

/// The hyperparameters of Adam, named and defaulted as in `torch.optim.Adam`.
public typealias AdamHyperparameters = AdamSettings<CoupledDecayAdam>
/// The hyperparameters of AdamW, named and defaulted as in `torch.optim.AdamW`.
public typealias AdamWHyperparameters = AdamSettings<DecoupledDecayAdam>

extension AdamSettings {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_adam, scale_by_learning_rate]` (Adam) or `[scale_by_adam,
    /// add_decayed_weights: λ, scale_by_learning_rate]` (AdamW), without a decay at 0.
    public var chain: ChainSettings? {
        .builtIn([ScaleByAdam(beta1: beta1, beta2: beta2, eps: eps, amsgrad: amsgrad)], lr: lr,
                 coupledDecay: Variant.decoupled ? 0 : weightDecay, decoupledDecay: Variant.decoupled ? weightDecay : 0)
    }
}

extension OptimizerConfig {
    /// Adam with `hyperparameters`.
    public static func adam(_ hyperparameters: AdamHyperparameters) -> Self { Self(hyperparameters) }
    /// AdamW with `hyperparameters`.
    public static func adamw(_ hyperparameters: AdamWHyperparameters) -> Self { Self(hyperparameters) }
}

/// Adam's element-wise update (see `AdamHyperparameters`), with the step's scalar factors already computed:
/// one loop per weight decay mode and AMSGrad setting, so that no loop tests an option per element.
struct AdamKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let moments: TwoMoments<Scalar>
    let maxSecondMoment: UnsafeMutableRawPointer
    let amsgrad: Bool
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
        let moments = TwoMomentLanes<L>(moments)
        let eps = L(eps)
        let correction2Root = L(correction2Root)
        let negativeStepSize = L(negativeStepSize)
        forEachLane(L.self, range) { theta, g, i in
            let (m, v) = moments.update(g, at: i)
            var vUsed = v
            if amsgrad {
                vUsed = L.maximum(L(loadingFrom: maxSecondMoment, at: i), v)
                vUsed.store(to: maxSecondMoment, at: i)
            }
            let denominator = vUsed.squareRoot() / correction2Root + eps
            // torch's addcdiv_(m, denominator, value: −stepSize): (value · m) / denominator.
            theta = theta + negativeStepSize * m / denominator
        }
    }
}

extension AdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adam_factors(
            moments: moments.compiled, eps: Float(eps), correction2_root: Float(correction2Root),
            negative_step_size: Float(negativeStepSize))
        expt_adam_step(step.parameters.floats, step.gradients.floats, moments.first.floats, moments.second.floats, maxSecondMoment.floats,
                       count, step.weightDecay.compiled, amsgrad, factors)
    }
}
