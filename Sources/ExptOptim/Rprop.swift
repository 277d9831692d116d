import ExptConfig

/// Rprop (Riedmiller and Braun, 1993), resilient backpropagation: the update rule of
/// `torch.optim.Rprop`. Each coordinate keeps its own step size, which grows while the
/// gradient keeps its sign and shrinks when it flips; only the gradient's sign moves θ.
///
/// With gradient g, parameters θ, the previous step's (possibly zeroed) gradient p (starting
/// at 0) and the step sizes s (starting at the first step's learning rate), per coordinate:
///
///     s ← clamp(s · η₊, s_min, s_max)   where g p > 0
///     s ← clamp(s · η₋, s_min, s_max)   where g p < 0, and there g ← 0 for this step
///     s ← clamp(s, s_min, s_max)        where g p = 0
///     θ ← θ − sign(g) s
///     p ← g
///
/// The learning rate is read only at the first step, as torch reads `lr` only to fill the
/// step sizes: a schedule changes an Rprop run only through its first step's rate. torch's
/// Rprop has no weight decay. The factor η₊, η₋ or 1 is chosen without branches, by sums of
/// products that are exact (x · 1 = x, x · 0 = 0, x + 0 = x), so s is multiplied by the same
/// Float torch multiplies by. One departure: a NaN gradient leaves its coordinate and its step
/// size as they were (sign(NaN) is 0 here), where torch's step size and parameter become NaN.
public struct RpropHyperparameters: ElementwiseRule {
    public static let name = "rprop"
    public static let summary = "Per-coordinate step sizes adapted by the gradient's sign changes (torch.optim.Rprop)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("lr", .number(\.lr, .positive), "Every step size at the first step; later steps' rates are not read."),
         Hyperparameter("etaminus", .number(\.etaminus, .openUnit),
                        "Factor of a step size where the gradient changed sign (torch's etas[0])."),
         Hyperparameter("etaplus", .number(\.etaplus, .positive),
                        "Factor of a step size where the gradient kept its sign, > 1 (torch's etas[1])."),
         Hyperparameter("step_size_min", .number(\.stepSizeMin, .nonNegative), "Smallest step size (torch's step_sizes[0])."),
         Hyperparameter("step_size_max", .number(\.stepSizeMax, .positive), "Largest step size (torch's step_sizes[1]).")]
    }

    /// Learning rate: every step size at the first step. Default 0.01.
    public var lr: Double = 0.01
    /// Multiplies a step size where the gradient changed sign, in (0, 1). Default 0.5.
    public var etaminus: Double = 0.5
    /// Multiplies a step size where the gradient kept its sign, > 1. Default 1.2.
    public var etaplus: Double = 1.2
    /// Smallest step size. Default 1e-6.
    public var stepSizeMin: Double = 1e-6
    /// Largest step size. Default 50.
    public var stepSizeMax: Double = 50

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, etaminus: Double = 0.5, etaplus: Double = 1.2, stepSizeMin: Double = 1e-6, stepSizeMax: Double = 50) {
        self.lr = lr
        self.etaminus = etaminus
        self.etaplus = etaplus
        self.stepSizeMin = stepSizeMin
        self.stepSizeMax = stepSizeMax
    }

    /// torch's rule `0 < etaminus < 1 < etaplus` (the table checks etaminus), and step sizes whose
    /// range is not empty.
    public func conflict() -> HyperparameterConflict? {
        RpropStepSizes<Double>.conflict(etaplus: etaplus, stepSizeMin: stepSizeMin, stepSizeMax: stepSizeMax)
    }

    /// The previous gradient and the step sizes.
    public func stateLengths(parameterCount: Int) -> [Int] { [parameterCount, parameterCount] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        if state.stepCount == 1 {
            state[1].initializeMemory(as: Scalar.self, repeating: Scalar(rate), count: parameters.count)
        }
        RpropKernel(
            step: RuleStep(parameters, gradients, coupledDecay: 0),
            sizes: RpropStepSizes(previous: state[0], stepSizes: state[1], etaminus: etaminus, etaplus: etaplus,
                                  stepSizeMin: stepSizeMin, stepSizeMax: stepSizeMax)
        ).runVectorized(count: parameters.count)
    }
}

extension RpropHyperparameters {
    /// The chain these settings equal:
    /// `[scale_by_rprop, scale_by_learning_rate]` (the rate read at the first step only, as here).
    public var chain: ChainSettings? {
        .builtIn([ScaleByRprop(etaminus: etaminus, etaplus: etaplus, stepSizeMin: stepSizeMin, stepSizeMax: stepSizeMax)], lr: lr)
    }
}

extension OptimizerConfig {
    /// Rprop with `hyperparameters`.
    public static func rprop(_ hyperparameters: RpropHyperparameters) -> Self { Self(hyperparameters) }
}

/// Rprop's element-wise update (see `RpropHyperparameters`).
struct RpropKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let sizes: RpropStepSizes<Scalar>

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let sizes = RpropStepSizeLanes<L>(sizes)
        forEachLane(L.self, range) { theta, g, i in
            theta = theta - sizes.step(g, at: i)
        }
    }
}
