import ExptConfig

/// Lookahead (Zhang et al. 2019) around any optimizer, as the authors' implementation
/// (michaelrzhang/lookahead) computes it: the base optimizer takes k fast steps, then the fast
/// weights are pulled towards slow weights that started at θ₀:
///
///     every k-th step, after the base's step:   θ ← α θ + (1 − α) φ,   φ ← θ
///
/// which is φ ← φ + α(θ − φ) followed by θ ← φ. The slow weights φ are a copy of the parameters
/// taken at the first step. Cost per step: the base's (no evaluation more) and, every k steps,
/// one pass over the parameters. The schedule's rate and `reevaluate` go to the base; the
/// model is evaluated where the base evaluates it (at the fast weights).
public struct LookaheadHyperparameters: OptimizerWrapper {
    public static let name = "lookahead"
    public static let summary = "Lookahead around a base optimizer: every k steps the weights move α of the way from slow to fast."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("k", .integer(\.k, 1...1_000_000), "Fast steps between two synchronisations."),
         Hyperparameter("alpha", .number(\.alpha, .closedUnit), "Step α of the slow weights towards the fast ones."),
         .base]
    }

    /// Fast steps per synchronisation. Default 5.
    public var k: Int = 5
    /// Slow step size α. Default 0.5.
    public var alpha: Double = 0.5
    public var base: OptimizerConfig?

    /// k = 5, α = 0.5, no base yet.
    public init() {}

    public init(k: Int = 5, alpha: Double = 0.5, base: OptimizerConfig) {
        self.k = k
        self.alpha = alpha
        self.base = base
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of type: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        LookaheadOptimizer(base: makeBase(of: type, layout: layout), k: k, alpha: alpha)
    }
}

extension OptimizerConfig {
    /// Lookahead with `hyperparameters`.
    public static func lookahead(_ hyperparameters: LookaheadHyperparameters) -> Self { Self(hyperparameters) }
}

/// Lookahead's step around its base optimizer (see `LookaheadHyperparameters`).
final class LookaheadOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    let base: any ParameterOptimizer<Scalar>
    let k: Int
    let alpha: Scalar
    let complement: Scalar
    /// φ, taken at the first step.
    private var slow: [Scalar] = []
    /// Fast steps since the last synchronisation.
    private var fastSteps = 0

    init(base: any ParameterOptimizer<Scalar>, k: Int, alpha: Double) {
        self.base = base
        self.k = k
        self.alpha = Scalar(alpha)
        complement = Scalar(1 - alpha)
    }

    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        if slow.isEmpty { slow = Array(parameters) }
        base.step(parameters: parameters, gradients: gradients, learningRate: learningRate, reevaluate: reevaluate)
        fastSteps += 1
        guard fastSteps >= k else { return }
        fastSteps = 0
        for i in slow.indices {
            let theta = parameters[i] * alpha + complement * slow[i]
            parameters[i] = theta
            slow[i] = theta
        }
    }

    func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool) {
        base.moveParameters(parameters, toEvaluation: toEvaluation)
    }

    /// The base's state under `base.`, the slow weights (empty before the first step) and the fast steps.
    func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot(scalars: ["fast_steps": Double(fastSteps)])
        snapshot.save(slow, as: "slow")
        snapshot.add(base.saveState(), as: "base")
        return snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        let savedSlow = snapshot.arrays["slow"]?.count ?? 0
        let slow: [Scalar] = try snapshot.values("slow", count: savedSlow)
        let fastSteps = try snapshot.count("fast_steps")
        try base.restoreState(snapshot.part("base"))
        self.slow = slow
        self.fastSteps = fastSteps
    }
}
