import ExptConfig

/// Sharpness-aware minimisation (Foret et al. 2021) around any optimizer, as the reference
/// implementation davda54/sam computes it: the base optimizer steps with the gradient taken at
/// the worst point of a ball of radius ρ around θ, found to first order.
///
/// With gradient g at θ, per tensor p of the layout and T = |θ| (adaptive, Kwon et al. 2021)
/// or 1:
///
///     n = ‖(‖T_p g_p‖₂)_p‖₂                 (the norm of the tensors' norms)
///     ε = T² g · ρ/(n + 1e-12)
///     g' = ∇L(θ + ε)                        (one evaluation more, on the same batch)
///     θ ← base step from θ with g'
///
/// θ is restored from a copy before the base step (davda54's `p.data = old_p`), not by
/// subtracting ε. Cost per step: two gradient evaluations (the executor's and one more) and a
/// copy of the parameters. Without `reevaluate` (unit tests) the base steps with g. The base
/// may not evaluate again itself (its evaluations would be at θ + ε); the manifest refuses it.
public struct SAMHyperparameters: OptimizerWrapper {
    public static let name = "sam"
    public static let summary = "Sharpness-aware minimisation around a base optimizer; two gradients per step (davda54/sam)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("rho", .number(\.rho, .positive), "Radius ρ of the neighbourhood searched for the worst loss."),
         Hyperparameter("adaptive", .flag(\.adaptive), "Adaptive SAM: the ascent is scaled by |θ| per coordinate."),
         .base]
    }

    /// Radius ρ. Default 0.05.
    public var rho: Double = 0.05
    /// Adaptive SAM (ASAM). Default false.
    public var adaptive: Bool = false
    public var base: OptimizerConfig?

    /// ρ = 0.05, not adaptive, no base yet.
    public init() {}

    public init(rho: Double = 0.05, adaptive: Bool = false, base: OptimizerConfig) {
        self.rho = rho
        self.adaptive = adaptive
        self.base = base
    }

    public var evaluatesAgain: Bool { true }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of type: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        SAMOptimizer(base: makeBase(of: type, layout: layout), rho: rho, adaptive: adaptive, layout: layout)
    }
}

extension OptimizerConfig {
    /// SAM with `hyperparameters`.
    public static func sam(_ hyperparameters: SAMHyperparameters) -> Self { Self(hyperparameters) }
}

/// SAM's step around its base optimizer (see `SAMHyperparameters`).
final class SAMOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    let base: any ParameterOptimizer<Scalar>
    let rho: Double
    let adaptive: Bool
    let layout: ParameterLayout
    /// θ while the parameters are at θ + ε.
    private var saved: [Scalar]

    init(base: any ParameterOptimizer<Scalar>, rho: Double, adaptive: Bool, layout: ParameterLayout) {
        self.base = base
        self.rho = rho
        self.adaptive = adaptive
        self.layout = layout
        saved = [Scalar](repeating: 0, count: layout.count)
    }

    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        if let reevaluate {
            ascend(parameters: parameters, gradients: gradients)
            _ = reevaluate()
            for i in 0..<layout.count { parameters[i] = saved[i] }
        }
        base.step(parameters: parameters, gradients: gradients, learningRate: learningRate, reevaluate: nil)
    }

    func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool) {
        base.moveParameters(parameters, toEvaluation: toEvaluation)
    }

    /// Saves θ and moves it to θ + ε.
    private func ascend(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>) {
        var squaredNorms = 0.0
        for tensor in layout.tensors {
            var sum: Scalar = 0
            for i in tensor.range {
                let scaled = adaptive ? abs(parameters[i]) * gradients[i] : gradients[i]
                sum += scaled * scaled
            }
            let norm = Double(sum.squareRoot())
            squaredNorms += norm * norm
        }
        let scale = Scalar(rho / (squaredNorms.squareRoot() + 1e-12))
        for i in 0..<layout.count {
            let theta = parameters[i]
            saved[i] = theta
            parameters[i] = theta + (adaptive ? theta * theta * gradients[i] : gradients[i]) * scale
        }
    }

    /// The base's state: θ saved during a step is not state between steps.
    func saveState() -> OptimizerSnapshot {
        base.saveState()
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        try base.restoreState(snapshot)
    }
}
