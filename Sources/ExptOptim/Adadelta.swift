import ExptConfig

internal import CKernels

/// Adadelta (Zeiler, 2012): the update rule of `torch.optim.Adadelta`.
///
/// With gradient g, parameters θ, learning rate γ, decay ρ, weight decay λ, the mean squared
/// gradient v and the mean squared step u:
///
///     g ← g + λ θ
///     v ← ρ v + (1 − ρ) g²
///     Δ ← √(u + ε) / √(v + ε) · g
///     u ← ρ u + (1 − ρ) Δ²
///     θ ← θ − γ Δ
///
/// The paper has no learning rate (γ = 1, torch's default); ε sits inside both square roots,
/// so the first steps have size about √ε / √(1 − ρ) whatever the gradient's scale.
public struct AdadeltaHyperparameters: ElementwiseRule {
    public static let name = "adadelta"
    public static let summary = "Steps in the units of the parameters, from running averages (torch.optim.Adadelta)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("lr", .number(\.lr, .positive), "Scales the step."),
         Hyperparameter("rho", .number(\.rho, .closedUnit), "Decay rate of the running averages."),
         Hyperparameter("eps", .number(\.eps, .positive), "Added inside both square roots."),
         .coupledDecay(\.weightDecay)]
    }

    /// Scales the step. Default 1.0.
    public var lr: Double = 1.0
    /// Decay rate of the running averages. Default 0.9.
    public var rho: Double = 0.9
    /// Added inside both square roots. Default 1e-6.
    public var eps: Double = 1e-6
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0) {
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
    }

    /// The running averages of the squared gradient and of the squared step.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount, parameterCount] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        AdadeltaKernel(
            step: RuleStep(parameters, gradients, coupledDecay: weightDecay), meanSquaredGradient: state[0],
            meanSquaredStep: state[1], rho: Scalar(rho), newWeight: Scalar(1 - rho), eps: Scalar(eps),
            negativeRate: -Scalar(rate)
        ).runFastest(count: parameters.count)
    }
}

extension AdadeltaHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_adadelta: {rho, eps}, scale_by_learning_rate]`.
    public var chain: ChainSettings? {
        .builtIn([ScaleByAdadelta(rho: rho, eps: eps)], lr: lr, coupledDecay: weightDecay)
    }
}

extension OptimizerConfig {
    /// Adadelta with `hyperparameters`.
    public static func adadelta(_ hyperparameters: AdadeltaHyperparameters) -> Self { Self(hyperparameters) }
}

/// Adadelta's element-wise update (see `AdadeltaHyperparameters`), with and without weight decay.
struct AdadeltaKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let meanSquaredGradient: UnsafeMutableRawPointer
    let meanSquaredStep: UnsafeMutableRawPointer
    let rho: Scalar
    /// 1 − ρ.
    let newWeight: Scalar
    let eps: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let rho = L(rho)
        let newWeight = L(newWeight)
        let eps = L(eps)
        let negativeRate = L(negativeRate)
        forEachLane(L.self, range) { theta, g, i in
            let delta = Self.delta(g, at: i, meanSquaredGradient: meanSquaredGradient, meanSquaredStep: meanSquaredStep,
                                   rho: rho, newWeight: newWeight, eps: eps)
            theta = theta + negativeRate * delta
        }
    }

    /// Δ for gradient `g` of element `i`, both running averages updated and stored (also
    /// `scale_by_adadelta`'s update).
    @inline(__always)
    static func delta<L: Lanes>(_ g: L, at i: Int, meanSquaredGradient: UnsafeMutableRawPointer, meanSquaredStep: UnsafeMutableRawPointer,
                                rho: L, newWeight: L, eps: L) -> L {
        let v = L(loadingFrom: meanSquaredGradient, at: i) * rho + newWeight * g * g
        v.store(to: meanSquaredGradient, at: i)
        // torch: delta = sqrt(u + ε); delta.div_(sqrt(v + ε)).mul_(g).
        let u = L(loadingFrom: meanSquaredStep, at: i)
        let delta = (u + eps).squareRoot() / (v + eps).squareRoot() * g
        (u * rho + newWeight * delta * delta).store(to: meanSquaredStep, at: i)
        return delta
    }
}

extension AdadeltaKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adadelta_factors(rho: Float(rho), new_weight: Float(newWeight), eps: Float(eps),
                                            negative_rate: Float(negativeRate))
        expt_adadelta_step(step.parameters.floats, step.gradients.floats, meanSquaredGradient.floats, meanSquaredStep.floats, count,
                           step.weightDecay.compiled, factors)
    }
}
