import ExptConfig

internal import CKernels

/// Adagrad (Duchi, Hazan and Singer, 2011): the update rule of `torch.optim.Adagrad`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ, rate decay η, weight decay λ
/// and the sum of squared gradients s (starting at `initial_accumulator_value`):
///
///     g ← g + λ θ
///     s ← s + g²
///     θ ← θ − γ / (1 + (t − 1) η) · g / (√s + ε)
///
/// The float operations follow torch's kernels: addcmul_ for s, then addcdiv_ with the
/// negative rate, which multiplies before it divides.
public struct AdagradHyperparameters: ElementwiseRule {
    public static let name = "adagrad"
    public static let summary = "Per-coordinate steps from the sum of squared gradients (torch.optim.Adagrad)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("lr_decay", .number(\.lrDecay, .nonNegative), "The rate of step t is lr / (1 + (t − 1) · lr_decay)."),
         .coupledDecay(\.weightDecay),
         Hyperparameter("initial_accumulator_value", .number(\.initialAccumulatorValue, .nonNegative),
                        "Starting sum of squared gradients."),
         .eps(\.eps)]
    }

    /// Learning rate. Default 0.01.
    public var lr: Double = 0.01
    /// The rate at step t is lr / (1 + (t − 1) · lr_decay). Default 0.
    public var lrDecay: Double = 0
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0
    /// Starting value of the sum of squared gradients. Default 0.
    public var initialAccumulatorValue: Double = 0
    /// Added to the denominator after the square root. Default 1e-10.
    public var eps: Double = 1e-10

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0, eps: Double = 1e-10) {
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    /// The sum of squared gradients.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount] }

    public var initialState: Double { initialAccumulatorValue }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        let negativeRate = -Scalar(rate / (1 + Double(state.stepCount - 1) * lrDecay))
        AdagradKernel(
            step: RuleStep(parameters, gradients, coupledDecay: weightDecay), sumOfSquares: state[0], eps: Scalar(eps),
            negativeRate: negativeRate
        ).runFastest(count: parameters.count)
    }
}

extension AdagradHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_rss: {initial_accumulator_value, eps, lr_decay}, scale_by_learning_rate]`.
    public var chain: ChainSettings? {
        .builtIn([ScaleByRSS(initialAccumulatorValue: initialAccumulatorValue, eps: eps, lrDecay: lrDecay)], lr: lr, coupledDecay: weightDecay)
    }
}

extension OptimizerConfig {
    /// Adagrad with `hyperparameters`.
    public static func adagrad(_ hyperparameters: AdagradHyperparameters) -> Self { Self(hyperparameters) }
}

/// Adagrad's element-wise update (see `AdagradHyperparameters`), with and without weight decay.
struct AdagradKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let sumOfSquares: UnsafeMutableRawPointer
    let eps: Scalar
    /// −γ / (1 + (t − 1) η).
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let eps = L(eps)
        let negativeRate = L(negativeRate)
        forEachLane(L.self, range) { theta, g, i in
            let s = L(loadingFrom: sumOfSquares, at: i) + g * g
            s.store(to: sumOfSquares, at: i)
            theta = theta + negativeRate * g / (s.squareRoot() + eps)
        }
    }
}

extension AdagradKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adagrad_factors(eps: Float(eps), negative_rate: Float(negativeRate))
        expt_adagrad_step(step.parameters.floats, step.gradients.floats, sumOfSquares.floats, count, step.weightDecay.compiled, factors)
    }
}
