import ExptConfig

/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and
/// weight decay: the update rule of `torch.optim.SGD`.
///
/// With gradient g, parameters θ, weight decay λ, momentum μ, dampening τ and learning rate γ:
///
///     g ← g + λ θ
///     b ← g                        (first step)
///     b ← μ b + (1 − τ) g          (later steps)
///     g ← g + μ b  if nesterov, else  g ← b      (only when μ ≠ 0)
///     θ ← θ − γ g
///
/// Full-batch gradient descent and mini-batch SGD are this same rule; only the batch size differs.
/// Torch rejects nesterov without momentum or with dampening; `conflict()` states that rule
/// and the manifest decoder reports it. Torch's CPU kernels fuse each `a + α b` into one
/// multiply-add; expt rounds the product and the sum separately (fast without FMA in the
/// baseline x86-64 target), so trajectories agree with torch to a few ulps.
public struct SGDHyperparameters: ElementwiseRule {
    public static let name = "sgd"
    public static let summary = "Stochastic gradient descent, with optional (Nesterov) momentum (torch.optim.SGD)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("momentum", .number(\.momentum, .nonNegative), "Momentum factor."),
         Hyperparameter("dampening", .number(\.dampening, .closedUnit), "Dampening of the momentum."),
         Hyperparameter("nesterov", .flag(\.nesterov), "Nesterov momentum; needs momentum > 0 and dampening = 0."),
         .coupledDecay(\.weightDecay)]
    }

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Momentum factor μ. Default 0.
    public var momentum: Double = 0
    /// Dampening τ of the momentum. Default 0.
    public var dampening: Double = 0
    /// Nesterov momentum. Default false.
    public var nesterov: Bool = false
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) {
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// torch's rule: Nesterov momentum needs momentum and no dampening.
    public func conflict() -> HyperparameterConflict? {
        guard nesterov && (momentum <= 0 || dampening != 0) else { return nil }
        return HyperparameterConflict(key: "nesterov", involving: ["momentum", "dampening"],
                                      message: "nesterov needs momentum > 0 and dampening = 0")
    }

    /// The momentum buffer, when there is momentum.
    public func stateLengths(parameterCount: Int) -> [Int] {
        [momentum != 0 ? parameterCount : 0]
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        SGDKernel(
            step: RuleStep(parameters, gradients, coupledDecay: weightDecay), momentumBuffer: state[0],
            momentum: Scalar(momentum), keep: Scalar(1 - dampening), nesterov: nesterov,
            firstStep: state.stepCount == 1, learningRate: Scalar(rate)
        ).runVectorized(count: parameters.count)
    }
}

extension SGDHyperparameters {
    /// The chain these settings equal:
    /// `[add_l2: λ, trace: {decay: μ, nesterov, dampening: τ}, scale_by_learning_rate]`, without
    /// the parts at 0.
    public var chain: ChainSettings? {
        .builtIn(momentum != 0 ? [Trace(decay: momentum, nesterov: nesterov, dampening: dampening)] : [], lr: lr, coupledDecay: weightDecay)
    }
}

extension OptimizerConfig {
    /// SGD with `hyperparameters`.
    public static func sgd(_ hyperparameters: SGDHyperparameters) -> Self { Self(hyperparameters) }
}

/// SGD's element-wise update (see `SGDHyperparameters`): one loop per combination of weight decay, momentum
/// (first step or later) and Nesterov, so that no loop tests an option per element.
struct SGDKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let momentumBuffer: UnsafeMutableRawPointer
    /// μ; 0 for plain SGD.
    let momentum: Scalar
    /// 1 − τ.
    let keep: Scalar
    let nesterov: Bool
    /// The momentum buffer is empty: it is set to the gradient.
    let firstStep: Bool
    let learningRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (momentum != 0, firstStep, nesterov) {
        case (false, _, _): loop(L.self, range, momentum: false, firstStep: false, nesterov: false)
        case (true, true, false): loop(L.self, range, momentum: true, firstStep: true, nesterov: false)
        case (true, true, true): loop(L.self, range, momentum: true, firstStep: true, nesterov: true)
        case (true, false, false): loop(L.self, range, momentum: true, firstStep: false, nesterov: false)
        case (true, false, true): loop(L.self, range, momentum: true, firstStep: false, nesterov: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, momentum hasMomentum: Bool, firstStep: Bool, nesterov: Bool) {
        let momentum = L(momentum)
        let keep = L(keep)
        let learningRate = L(learningRate)
        forEachLane(L.self, range) { theta, g, i in
            var g = g
            if hasMomentum {
                let b = firstStep ? g : momentum * L(loadingFrom: momentumBuffer, at: i) + keep * g
                b.store(to: momentumBuffer, at: i)
                g = nesterov ? g + momentum * b : b
            }
            theta = theta - learningRate * g
        }
    }
}
