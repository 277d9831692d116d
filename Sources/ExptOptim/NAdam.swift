import ExptConfig
import Foundation
internal import CKernels

/// NAdam (Dozat, 2016), Adam with Nesterov momentum and a momentum schedule: the update rule of
/// `torch.optim.NAdam`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ, weight decay λ and momentum
/// decay ψ:
///
///     θ ← θ (1 − γ λ)  if decoupled,  else  g ← g + λ θ
///     μₜ = β₁ (1 − ½ · 0.96^(t ψ)),   Πₜ = μ₁ ⋯ μₜ
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     d = √(v / (1 − β₂ᵗ)) + ε
///     θ ← θ − γ (1 − μₜ) / (1 − Πₜ) · g / d − γ μₜ₊₁ / (1 − Πₜ μₜ₊₁) · m / d
///
/// The running product Π is kept in `Scalar`, as torch keeps it in a tensor of the default
/// dtype; the other scalar factors are computed in double precision.
public struct NAdamHyperparameters: ElementwiseRule {
    public static let name = "nadam"
    public static let summary = "Adam with Nesterov momentum and a momentum schedule (torch.optim.NAdam)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2), .eps(\.eps), .switchableDecay(\.weightDecay),
         Hyperparameter("momentum_decay", .number(\.momentumDecay, .nonNegative), "ψ of the momentum schedule."),
         .decoupled(\.decoupledWeightDecay)]
    }

    /// Learning rate. Default 0.002.
    public var lr: Double = 0.002
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// Weight decay, added to the gradient or (decoupled) shrinking the parameters. Default 0.
    public var weightDecay: Double = 0
    /// ψ in the momentum schedule μₜ = β₁ (1 − ½ · 0.96^(t ψ)). Default 0.004.
    public var momentumDecay: Double = 0.004
    /// Shrink the parameters by lr · weight_decay instead of adding to the gradient. Default false.
    public var decoupledWeightDecay: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0,
                momentumDecay: Double = 0.004, decoupledWeightDecay: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// The first and second moments.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount, parameterCount] }

    private func momentum(at t: Double) -> Double {
        Self.momentum(beta1: beta1, momentumDecay: momentumDecay, at: t)
    }

    /// torch's momentum schedule μₜ = β₁ (1 − ½ · 0.96^(t ψ)), ψ the momentum decay.
    static func momentum(beta1: Double, momentumDecay: Double, at t: Double) -> Double {
        beta1 * (1 - 0.5 * pow(0.96, t * momentumDecay))
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate lr: Double) {
        let t = Double(state.stepCount)
        let correction2 = Scalar(1 - pow(beta2, t))
        let mu = momentum(at: t)
        let nextMu = momentum(at: t + 1)
        state.runningProduct *= Scalar(mu)
        let product = Double(state.runningProduct)
        let gradientFactor = Scalar(-lr * (1 - mu) / (1 - product))
        let momentFactor = Scalar(-lr * nextMu / (1 - product * nextMu))
        NAdamKernel(
            step: RuleStep(parameters, gradients, weightDecay: weightDecay, decoupled: decoupledWeightDecay, learningRate: lr),
            moments: TwoMoments(first: state[0], second: state[1], beta1: beta1, beta2: beta2), eps: Scalar(eps),
            correction2: correction2, gradientFactor: gradientFactor, momentFactor: momentFactor
        ).runFastest(count: parameters.count)
    }
}

extension NAdamHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_nadam, scale_by_learning_rate]`, or with `add_decayed_weights: λ`
    /// after the rule when decoupled. Equal up to one rounding a step (see ``ScaleByNAdam``).
    public var chain: ChainSettings? {
        .builtIn([ScaleByNAdam(beta1: beta1, beta2: beta2, eps: eps, momentumDecay: momentumDecay)], lr: lr,
                 coupledDecay: decoupledWeightDecay ? 0 : weightDecay, decoupledDecay: decoupledWeightDecay ? weightDecay : 0)
    }
}

extension OptimizerConfig {
    /// NAdam with `hyperparameters`.
    public static func nadam(_ hyperparameters: NAdamHyperparameters) -> Self { Self(hyperparameters) }
}

/// NAdam's element-wise update (see `NAdamHyperparameters`): one loop per weight decay mode.
struct NAdamKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let moments: TwoMoments<Scalar>
    let eps: Scalar
    /// 1 − β₂ᵗ.
    let correction2: Scalar
    /// −γ (1 − μₜ) / (1 − Πₜ).
    let gradientFactor: Scalar
    /// −γ μₜ₊₁ / (1 − Πₜ μₜ₊₁).
    let momentFactor: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let moments = TwoMomentLanes<L>(moments)
        let eps = L(eps)
        let correction2 = L(correction2)
        let gradientFactor = L(gradientFactor)
        let momentFactor = L(momentFactor)
        forEachLane(L.self, range) { theta, g, i in
            let (m, v) = moments.update(g, at: i)
            let denominator = (v / correction2).squareRoot() + eps
            // Two addcdiv_ calls, as torch: the gradient's share, then the moment's.
            theta = theta + gradientFactor * g / denominator
            theta = theta + momentFactor * m / denominator
        }
    }
}

extension NAdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_nadam_factors(
            moments: moments.compiled, eps: Float(eps), correction2: Float(correction2), gradient_factor: Float(gradientFactor),
            moment_factor: Float(momentFactor))
        expt_nadam_step(step.parameters.floats, step.gradients.floats, moments.first.floats, moments.second.floats, count,
                        step.weightDecay.compiled, factors)
    }
}
