import ExptConfig
import Foundation

/// LAMB (You et al., 2020, "Large Batch Optimization for Deep Learning"): Adam's direction
/// with decoupled weight decay, scaled per tensor by the layer-wise trust ratio, as optax's
/// `lamb` (scale_by_adam, add_decayed_weights, scale_by_trust_ratio, scale_by_learning_rate;
/// eps_root 0, no mask: every tensor, biases included, has its ratio and its decay).
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ, per
/// element and then per tensor of the layout:
///
///     m ← (1 − β₁) g + β₁ m
///     v ← (1 − β₂) g² + β₂ v
///     u = (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε) + λ θ
///     r = ‖θ‖ / ‖u‖ over the tensor (1 where either norm is 0)
///     θ ← θ + (u r)(−γ)
///
/// The bias corrections are formed in double precision and rounded to `Scalar` (optax forms
/// them in the parameters' dtype).
public struct LAMBHyperparameters: OptimizerKind {
    public static let name = "lamb"
    public static let summary = "Adam's direction with weight decay, scaled per tensor by ‖θ‖/‖update‖ (You et al., 2020; optax.lamb)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2), .eps(\.eps),
         Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "Adds weight_decay · θ to the update before the trust ratio.")]
    }

    /// Learning rate. Default 0.001 (optax has none).
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator. Default 1e-6.
    public var eps: Double = 1e-6
    /// Weight decay λ, added to the update. Default 1e-4.
    public var weightDecay: Double = 1e-4

    /// Every hyperparameter at optax's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-6, weightDecay: Double = 1e-4) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        LAMBOptimizer<Scalar>(self, layout: layout)
    }
}

extension OptimizerConfig {
    /// LAMB with `hyperparameters`.
    public static func lamb(_ hyperparameters: LAMBHyperparameters) -> Self { Self(hyperparameters) }
}

/// The optimizer `LAMBHyperparameters` makes: the moments, the update u of the current step, and
/// the layout whose tensors have a trust ratio each.
final class LAMBOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let settings: LAMBHyperparameters
    private let layout: ParameterLayout
    /// The first and second moments and the step's update.
    private let state: OptimizerState<Scalar>

    init(_ settings: LAMBHyperparameters, layout: ParameterLayout) {
        self.settings = settings
        self.layout = layout
        state = OptimizerState(lengths: [layout.count, layout.count, layout.count], initialValue: 0)
    }

    /// One step; LAMB looks at one point, so `reevaluate` is unused.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        precondition(parameters.count == gradients.count && parameters.count == layout.count,
                     "parameters, gradients and the layout differ in size")
        state.stepCount += 1
        let t = Double(state.stepCount)
        LAMBDirectionKernel<Scalar>(
            parameters: parameters.rawStart, gradients: gradients.rawStart, first: state[0], second: state[1], updates: state[2],
            beta1: Scalar(settings.beta1), firstWeight: Scalar(1 - settings.beta1), beta2: Scalar(settings.beta2),
            secondWeight: Scalar(1 - settings.beta2), correction1: Scalar(1 - pow(settings.beta1, t)),
            correction2: Scalar(1 - pow(settings.beta2, t)), eps: Scalar(settings.eps), weightDecay: Scalar(settings.weightDecay)
        ).runVectorized(count: parameters.count)
        let trustRatio = TrustRatio(coefficient: 1, eps: 0)
        let negativeRate = -Scalar(learningRate)
        for tensor in layout.tensors {
            let ratio: Scalar = trustRatio.ratio(parameters: parameters.rawStart, updates: state[2], tensor.range)
            ScaledStepKernel(parameters: parameters.rawStart.element(tensor.range.lowerBound, of: Scalar.self),
                             updates: state[2].element(tensor.range.lowerBound, of: Scalar.self), ratio: ratio, negativeRate: negativeRate)
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

/// LAMB's first pass (see `LAMBHyperparameters`): the moments, and the update u before its ratio.
struct LAMBDirectionKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let first: UnsafeMutableRawPointer
    let second: UnsafeMutableRawPointer
    let updates: UnsafeMutableRawPointer
    let beta1: Scalar
    /// 1 − β₁.
    let firstWeight: Scalar
    let beta2: Scalar
    /// 1 − β₂.
    let secondWeight: Scalar
    /// 1 − β₁ᵗ.
    let correction1: Scalar
    /// 1 − β₂ᵗ.
    let correction2: Scalar
    let eps: Scalar
    let weightDecay: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let beta1 = L(beta1), firstWeight = L(firstWeight), beta2 = L(beta2), secondWeight = L(secondWeight)
        let correction1 = L(correction1), correction2 = L(correction2), eps = L(eps), weightDecay = L(weightDecay)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            let g = L(loadingFrom: gradients, at: i)
            let m = firstWeight * g + beta1 * L(loadingFrom: first, at: i)
            let v = secondWeight * (g * g) + beta2 * L(loadingFrom: second, at: i)
            m.store(to: first, at: i)
            v.store(to: second, at: i)
            let u = (m / correction1) / ((v / correction2).squareRoot() + eps) + weightDecay * L(loadingFrom: parameters, at: i)
            u.store(to: updates, at: i)
        }
    }
}

/// LAMB's step of one tensor: θ ← θ + (u r)(−γ), with the tensor's trust ratio r.
struct ScaledStepKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let updates: UnsafeRawPointer
    let ratio: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let ratio = L(ratio), negativeRate = L(negativeRate)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            (L(loadingFrom: parameters, at: i) + L(loadingFrom: updates, at: i) * ratio * negativeRate).store(to: parameters, at: i)
        }
    }
}
