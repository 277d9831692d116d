import ExptConfig

/// LARS (You et al., 2017, "Large Batch Training of Convolutional Networks"): SGD with momentum
/// whose step is scaled per tensor by the layer-wise trust ratio, as optax's `lars`
/// (add_decayed_weights, scale_by_trust_ratio, scale_by_learning_rate, trace). optax masks
/// nothing by default and neither does expt: every tensor, biases included, has its weight
/// decay and its ratio.
///
/// With gradient g, parameters θ, learning rate γ, weight decay λ, trust coefficient c and
/// momentum μ, per tensor of the layout:
///
///     u = g + λ θ
///     r = c ‖θ‖ / (‖u‖ + ε) over the tensor (1 where either norm is 0)
///     u ← (u r)(−γ)
///     b ← u + μ b
///     θ ← θ + b                  (θ ← θ + u + μ b with Nesterov momentum)
///
/// The learning rate enters before the momentum, as in optax: the buffer b holds past steps
/// at their own rates.
public struct LARSHyperparameters: OptimizerKind {
    public static let name = "lars"
    public static let summary = "SGD with momentum, scaled per tensor by c‖θ‖/‖g + λθ‖ (You et al., 2017; optax.lars)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "Adds weight_decay · θ to the gradient before the trust ratio."),
         Hyperparameter("trust_coefficient", .number(\.trustCoefficient, .positive), "Factor c of the trust ratio."),
         Hyperparameter("eps", .number(\.eps, .nonNegative), "Added to the update's norm in the trust ratio."),
         Hyperparameter("momentum", .number(\.momentum, .closedUnit), "Momentum factor."),
         Hyperparameter("nesterov", .flag(\.nesterov), "Nesterov momentum.")]
    }

    /// Learning rate. Default 1 (optax has none; the trust coefficient makes the steps small).
    public var lr: Double = 1
    /// Weight decay λ, added to the gradient. Default 0.
    public var weightDecay: Double = 0
    /// Trust coefficient c. Default 0.001.
    public var trustCoefficient: Double = 0.001
    /// Added to the update's norm. Default 0.
    public var eps: Double = 0
    /// Momentum μ. Default 0.9.
    public var momentum: Double = 0.9
    /// Nesterov momentum. Default false.
    public var nesterov: Bool = false

    /// Every hyperparameter at optax's default.
    public init() {}

    public init(lr: Double = 1, weightDecay: Double = 0, trustCoefficient: Double = 0.001, eps: Double = 0, momentum: Double = 0.9,
                nesterov: Bool = false) {
        self.lr = lr
        self.weightDecay = weightDecay
        self.trustCoefficient = trustCoefficient
        self.eps = eps
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        LARSOptimizer<Scalar>(self, layout: layout)
    }
}

extension OptimizerConfig {
    /// LARS with `hyperparameters`.
    public static func lars(_ hyperparameters: LARSHyperparameters) -> Self { Self(hyperparameters) }
}

/// The optimizer `LARSHyperparameters` makes: the momentum buffer, the step's update u, and the
/// layout whose tensors have a trust ratio each.
final class LARSOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let settings: LARSHyperparameters
    private let layout: ParameterLayout
    /// The momentum buffer and the step's update.
    private let state: OptimizerState<Scalar>

    init(_ settings: LARSHyperparameters, layout: ParameterLayout) {
        self.settings = settings
        self.layout = layout
        state = OptimizerState(lengths: [layout.count, layout.count], initialValue: 0)
    }

    /// One step; LARS looks at one point, so `reevaluate` is unused.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        precondition(parameters.count == gradients.count && parameters.count == layout.count,
                     "parameters, gradients and the layout differ in size")
        state.stepCount += 1
        DecayedGradientKernel(parameters: parameters.rawStart, gradients: gradients.rawStart, updates: state[1],
                              weightDecay: Scalar(settings.weightDecay))
            .runVectorized(count: parameters.count)
        let trustRatio = TrustRatio(coefficient: settings.trustCoefficient, eps: settings.eps)
        for tensor in layout.tensors {
            let ratio: Scalar = trustRatio.ratio(parameters: parameters.rawStart, updates: state[1], tensor.range)
            LARSStepKernel(parameters: parameters.rawStart.element(tensor.range.lowerBound, of: Scalar.self),
                           updates: state[1].element(tensor.range.lowerBound, of: Scalar.self),
                           momentumBuffer: state[0].element(tensor.range.lowerBound, of: Scalar.self), nesterov: settings.nesterov,
                           ratio: ratio, negativeRate: -Scalar(learningRate), momentum: Scalar(settings.momentum))
                .runVectorized(count: tensor.count)
        }
    }

    func saveState() -> OptimizerSnapshot {
        state.snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        try state.restore(snapshot)
    }
}

/// LARS's first pass: u = g + λθ (optax's add_decayed_weights).
struct DecayedGradientKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeRawPointer
    let gradients: UnsafeRawPointer
    let updates: UnsafeMutableRawPointer
    let weightDecay: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let weightDecay = L(weightDecay)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            (L(loadingFrom: gradients, at: i) + weightDecay * L(loadingFrom: parameters, at: i)).store(to: updates, at: i)
        }
    }
}

/// LARS's step of one tensor (see `LARSHyperparameters`), with the tensor's trust ratio r; one
/// loop per Nesterov setting.
struct LARSStepKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let updates: UnsafeRawPointer
    let momentumBuffer: UnsafeMutableRawPointer
    let nesterov: Bool
    let ratio: Scalar
    let negativeRate: Scalar
    let momentum: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if nesterov { loop(L.self, range, nesterov: true) } else { loop(L.self, range, nesterov: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, nesterov: Bool) {
        let ratio = L(ratio), negativeRate = L(negativeRate), momentum = L(momentum)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            let u = L(loadingFrom: updates, at: i) * ratio * negativeRate
            let b = u + momentum * L(loadingFrom: momentumBuffer, at: i)
            b.store(to: momentumBuffer, at: i)
            (L(loadingFrom: parameters, at: i) + (nesterov ? u + momentum * b : b)).store(to: parameters, at: i)
        }
    }
}
