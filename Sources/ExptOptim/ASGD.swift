import ExptConfig
import Foundation

/// Averaged stochastic gradient descent (Polyak and Juditsky, 1992), as `torch.optim.ASGD`:
/// SGD with a decaying step size and a decay term, and a running average of the iterates.
///
/// With gradient g, parameters θ, weight decay λ_wd, step t (from 1) and learning rate γ (the
/// step's; η starts at the first step's γ and μ at 1):
///
///     g ← g + λ_wd θ
///     θ ← θ (1 − λ η)
///     θ ← θ − η g
///     θ̄ ← θ̄ + μ (θ − θ̄)          (θ̄ ← θ while μ = 1)
///     η ← γ / (1 + λ γ t)^α
///     μ ← 1 / max(1, t − t₀)
///
/// Like torch, the model trains and is evaluated at the iterate θ: the average θ̄ (torch's
/// `ax`) is kept, as torch keeps it, for a caller to read (`ASGDOptimizer.average`); with the
/// default t₀ = 10⁶ it equals θ. η and μ are stored in `Scalar`, as torch stores them in
/// tensors of the parameters' default dtype, so each step's η is the previous step's rate,
/// as in torch.
public struct ASGDHyperparameters: OptimizerKind {
    public static let name = "asgd"
    public static let summary = "SGD with a decaying step and an average of the iterates (torch.optim.ASGD)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("lambd", .number(\.lambd, .nonNegative), "Decay term: shrinks θ by lambd · η and slows η's decay."),
         Hyperparameter("alpha", .number(\.alpha, .nonNegative), "Power of η's decay."),
         Hyperparameter("t0", .number(\.t0, .nonNegative), "Step at which the averaging starts."),
         .coupledDecay(\.weightDecay)]
    }

    /// Learning rate. Default 0.01.
    public var lr: Double = 0.01
    /// Decay term λ. Default 1e-4.
    public var lambd: Double = 1e-4
    /// Power α of the step size's decay. Default 0.75.
    public var alpha: Double = 0.75
    /// Step t₀ at which the averaging starts. Default 1e6.
    public var t0: Double = 1e6
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, lambd: Double = 1e-4, alpha: Double = 0.75, t0: Double = 1e6, weightDecay: Double = 0) {
        self.lr = lr
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = t0
        self.weightDecay = weightDecay
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        ASGDOptimizer<Scalar>(self, parameterCount: layout.count)
    }
}

extension OptimizerConfig {
    /// ASGD with `hyperparameters`.
    public static func asgd(_ hyperparameters: ASGDHyperparameters) -> Self { Self(hyperparameters) }
}

/// The optimizer `ASGDHyperparameters` makes: the step size η and averaging weight μ of the
/// next step, and the average of the iterates.
public final class ASGDOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let settings: ASGDHyperparameters
    private let averageBuffer: UnsafeMutableBufferPointer<Scalar>
    private var stepCount = 0
    private var eta: Scalar = 0
    private var mu: Scalar = 1

    init(_ settings: ASGDHyperparameters, parameterCount: Int) {
        self.settings = settings
        averageBuffer = .allocate(capacity: parameterCount)
        averageBuffer.initialize(repeating: 0)
    }

    deinit { averageBuffer.deallocate() }

    /// The running average θ̄ of the iterates (torch's `ax`).
    public var average: [Scalar] { Array(averageBuffer) }

    /// One step; ASGD looks at one point, so `reevaluate` is unused.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
                     reevaluate: Reevaluation?) {
        precondition(parameters.count == gradients.count && parameters.count == averageBuffer.count,
                     "parameters, gradients and the optimizer differ in size")
        stepCount += 1
        let rate = Double(Scalar(learningRate))
        if stepCount == 1 { eta = Scalar(rate) }
        ASGDKernel(step: RuleStep(parameters, gradients, coupledDecay: settings.weightDecay), average: averageBuffer.rawStart,
                   decayFactor: Scalar(1 - settings.lambd * Double(eta)), negativeEta: -eta, mu: mu)
            .runVectorized(count: parameters.count)
        let t = Double(stepCount)
        eta = Scalar(rate / pow(1 + settings.lambd * rate * t, settings.alpha))
        mu = Scalar(1 / max(1, t - settings.t0))
    }

    public func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot(scalars: ["steps": Double(stepCount), "eta": Double(eta), "mu": Double(mu)])
        snapshot.save(UnsafeBufferPointer(averageBuffer), as: "average")
        return snapshot
    }

    public func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        let average = try snapshot.array("average", count: averageBuffer.count)
        let steps = try snapshot.count("steps"), eta = try snapshot.scalar("eta"), mu = try snapshot.scalar("mu")
        averageBuffer.load(average)
        stepCount = steps
        self.eta = Scalar(eta)
        self.mu = Scalar(mu)
    }
}

/// ASGD's element-wise update (see `ASGDHyperparameters`), one loop for copying the iterate into
/// the average (μ = 1) and one for moving the average towards it.
struct ASGDKernel<Scalar: BinaryFloatingPoint>: RuleKernel {
    let step: RuleStep<Scalar>
    let average: UnsafeMutableRawPointer
    /// 1 − λη.
    let decayFactor: Scalar
    /// −η.
    let negativeEta: Scalar
    let mu: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if mu == 1 { loop(L.self, range, averaging: false) } else { loop(L.self, range, averaging: true) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, averaging: Bool) {
        let decayFactor = L(decayFactor), negativeEta = L(negativeEta), mu = L(mu)
        forEachLane(L.self, range) { theta, g, i in
            theta = theta * decayFactor + negativeEta * g
            if averaging {
                let a = L(loadingFrom: average, at: i)
                (a + (theta - a) * mu).store(to: average, at: i)
            } else {
                theta.store(to: average, at: i)
            }
        }
    }
}
