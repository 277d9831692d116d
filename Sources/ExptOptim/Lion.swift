import ExptConfig

internal import CKernels

/// Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms"), the sign of an
/// interpolated momentum. torch.optim has no Lion; this follows the paper's algorithm 2 and,
/// for the order of operations, lucidrains/lion-pytorch (the usual PyTorch port), which
/// applies the decoupled weight decay first.
///
/// With gradient g, parameters θ, learning rate γ, weight decay λ and the momentum m:
///
///     θ ← θ (1 − γ λ)
///     c = β₁ m + (1 − β₁) g
///     θ ← θ − γ sign(c)
///     m ← β₂ m + (1 − β₂) g
///
/// Every coordinate moves by exactly γ (or not at all, where c = 0), so Lion wants a learning
/// rate 3 to 10 times smaller than Adam's, and a weight decay as many times larger.
public struct LionHyperparameters: ElementwiseRule {
    public static let name = "lion"
    public static let summary = "The sign of an interpolated momentum (Chen et al., 2023)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("betas", .pair(\.beta1, \.beta2, names: ("beta1", "beta2")),
                        "Interpolation for the sign, and decay of the momentum."),
         .decoupledDecay(\.weightDecay)]
    }

    /// Learning rate. Default 0.0001 (Lion's steps have size lr in every coordinate, so it wants 3–10x less than Adam).
    public var lr: Double = 0.0001
    /// Interpolation between momentum and gradient for the update's sign. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the momentum. Default 0.99.
    public var beta2: Double = 0.99
    /// Decoupled weight decay: θ ← θ (1 − lr · weight_decay). Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at its default (the paper's code; torch.optim has no Lion).
    public init() {}

    public init(lr: Double = 0.0001, beta1: Double = 0.9, beta2: Double = 0.99, weightDecay: Double = 0) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.weightDecay = weightDecay
    }

    /// The momentum.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        LionKernel(
            step: RuleStep(parameters, gradients, weightDecay: weightDecay, decoupled: true, learningRate: rate),
            momentum: state[0], beta1: Scalar(beta1), interpolationWeight: Scalar(1 - beta1), beta2: Scalar(beta2),
            decayWeight: Scalar(1 - beta2), negativeRate: -Scalar(rate)
        ).runFastest(count: parameters.count)
    }
}

extension LionHyperparameters {
    /// The chain these settings equal:
    /// `[scale_by_lion, add_decayed_weights: λ, scale_by_learning_rate]`.
    public var chain: ChainSettings? {
        .builtIn([ScaleByLion(beta1: beta1, beta2: beta2)], lr: lr, decoupledDecay: weightDecay)
    }
}

extension OptimizerConfig {
    /// Lion with `hyperparameters`.
    public static func lion(_ hyperparameters: LionHyperparameters) -> Self { Self(hyperparameters) }
}

/// Lion's element-wise update (see `LionHyperparameters`), with its decoupled weight decay fused into the
/// loop, or without it.
struct LionKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let momentum: UnsafeMutableRawPointer
    let beta1: Scalar
    /// 1 − β₁.
    let interpolationWeight: Scalar
    let beta2: Scalar
    /// 1 − β₂.
    let decayWeight: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let beta1 = L(beta1)
        let interpolationWeight = L(interpolationWeight)
        let beta2 = L(beta2)
        let decayWeight = L(decayWeight)
        let negativeRate = L(negativeRate)
        forEachLane(L.self, range) { theta, g, i in
            let m = L(loadingFrom: momentum, at: i)
            let c = m * beta1 + interpolationWeight * g
            theta = theta + negativeRate * c.signum()
            (m * beta2 + decayWeight * g).store(to: momentum, at: i)
        }
    }
}

extension LionKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_lion_factors(
            beta1: Float(beta1), interpolation_weight: Float(interpolationWeight), beta2: Float(beta2),
            decay_weight: Float(decayWeight), negative_rate: Float(negativeRate))
        expt_lion_step(step.parameters.floats, step.gradients.floats, momentum.floats, count, step.weightDecay.compiled, factors)
    }
}
