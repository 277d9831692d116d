import ExptConfig

internal import CKernels

/// RMSprop (Hinton, 2012), optionally centered (Graves, 2013) and with momentum: the update
/// rule of `torch.optim.RMSprop`.
///
/// With gradient g, parameters θ, learning rate γ, decay α, weight decay λ, momentum μ, the
/// mean square v, the mean gradient ḡ (centered only) and the momentum buffer b:
///
///     g ← g + λ θ
///     v ← α v + (1 − α) g²
///     ḡ ← α ḡ + (1 − α) g               (centered)
///     d ← √(v − ḡ²) + ε  if centered, else  √v + ε
///     b ← μ b + g / d,  θ ← θ − γ b      (μ > 0)
///     θ ← θ − γ g / d                     (μ = 0)
///
/// There is no bias correction, so early steps are larger than later ones (v starts at 0),
/// and ε is added after the square root.
public struct RMSpropHyperparameters: ElementwiseRule {
    public static let name = "rmsprop"
    public static let summary = "Steps divided by a running root mean square of the gradient (torch.optim.RMSprop)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("alpha", .number(\.alpha, .closedUnit), "Decay rate of the mean square."),
         .eps(\.eps), .coupledDecay(\.weightDecay),
         Hyperparameter("momentum", .number(\.momentum, .nonNegative), "Momentum of the scaled step."),
         Hyperparameter("centered", .flag(\.centered), "Divide by the standard deviation instead of the root mean square.")]
    }

    /// Learning rate. Default 0.01.
    public var lr: Double = 0.01
    /// Decay rate of the mean square of the gradient. Default 0.99.
    public var alpha: Double = 0.99
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0
    /// Momentum factor of the buffer of scaled gradients. Default 0.
    public var momentum: Double = 0
    /// Divide by the standard deviation (mean square minus squared mean) instead of the root mean square. Default false.
    public var centered: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false) {
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    /// The mean square, the mean gradient (centered only) and the momentum buffer (with momentum only).
    public func stateLengths(parameterCount: Int) -> [Int] {
        [parameterCount, centered ? parameterCount : 0, momentum > 0 ? parameterCount : 0]
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        RMSpropKernel(
            step: RuleStep(parameters, gradients, coupledDecay: weightDecay), meanSquare: state[0],
            meanGradient: state[1], momentumBuffer: state[2], alpha: Scalar(alpha), newWeight: Scalar(1 - alpha),
            eps: Scalar(eps), centered: centered, momentum: Scalar(momentum), negativeRate: -Scalar(rate)
        ).runFastest(count: parameters.count)
    }
}

extension RMSpropHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, scale_by_rms (scale_by_stddev when centred), trace: μ, scale_by_learning_rate]`,
    /// without the parts at 0.
    public var chain: ChainSettings? {
        let rule: any Transformation = centered ? ScaleByStddev(alpha: alpha, eps: eps) : ScaleByRMS(alpha: alpha, eps: eps)
        return .builtIn([rule] + (momentum != 0 ? [Trace(decay: momentum)] : []), lr: lr, coupledDecay: weightDecay)
    }
}

extension OptimizerConfig {
    /// RMSprop with `hyperparameters`.
    public static func rmsprop(_ hyperparameters: RMSpropHyperparameters) -> Self { Self(hyperparameters) }
}

/// RMSprop's element-wise update (see `RMSpropHyperparameters`): one loop per combination of weight decay,
/// centering and momentum, each with torch's order of operations.
struct RMSpropKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let meanSquare: UnsafeMutableRawPointer
    let meanGradient: UnsafeMutableRawPointer
    let momentumBuffer: UnsafeMutableRawPointer
    let alpha: Scalar
    /// 1 − α.
    let newWeight: Scalar
    let eps: Scalar
    let centered: Bool
    /// μ; momentum is used when it is positive.
    let momentum: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (centered, momentum > 0) {
        case (false, false): loop(L.self, range, centered: false, momentum: false)
        case (false, true): loop(L.self, range, centered: false, momentum: true)
        case (true, false): loop(L.self, range, centered: true, momentum: false)
        case (true, true): loop(L.self, range, centered: true, momentum: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, centered: Bool, momentum hasMomentum: Bool) {
        let alpha = L(alpha)
        let newWeightScalar = L.Scalar(newWeight)
        let newWeight = L(newWeight)
        let eps = L(eps)
        let momentum = L(momentum)
        let negativeRate = L(negativeRate)
        let minusOne = L(-1.0)
        forEachLane(L.self, range) { theta, g, i in
            // torch's mul_(α).addcmul_(g, g, value: 1 − α).
            let v = L(loadingFrom: meanSquare, at: i) * alpha + newWeight * g * g
            v.store(to: meanSquare, at: i)
            var variance = v
            if centered {
                let mean = L.lerp(L(loadingFrom: meanGradient, at: i), g, newWeightScalar)
                mean.store(to: meanGradient, at: i)
                // torch's addcmul(ḡ, ḡ, value: −1).
                variance = v + minusOne * mean * mean
            }
            let denominator = variance.squareRoot() + eps
            if hasMomentum {
                let b = L(loadingFrom: momentumBuffer, at: i) * momentum + g / denominator
                b.store(to: momentumBuffer, at: i)
                theta = theta + negativeRate * b
            } else {
                theta = theta + negativeRate * g / denominator
            }
        }
    }
}

extension RMSpropKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_rmsprop_factors(alpha: Float(alpha), new_weight: Float(newWeight), eps: Float(eps),
                                           momentum: Float(momentum), negative_rate: Float(negativeRate))
        expt_rmsprop_step(step.parameters.floats, step.gradients.floats, meanSquare.floats, meanGradient.floats, momentumBuffer.floats,
                          count, step.weightDecay.compiled, centered, factors)
    }
}
