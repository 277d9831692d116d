import ExptConfig
import Foundation

/// `scale_by_belief`: AdaBelief's direction (Zhuang et al. 2020), as adabelief-pytorch computes it
/// without rectification: the second moment tracks the update's deviation from its mean (the
/// "belief" in the mean), with ε added to it every step as that package adds it in place:
///
///     m ← β₁ m + (1 − β₁) u          s ← β₂ s + (1 − β₂)(u − m)² + ε
///     u ← (1 / (1 − β₁ᵗ)) · m / (√s / √(1 − β₂ᵗ) + ε)
///
/// m in the residual u − m is the new one, as in the package. Defaults are the package's (ε = 1e-16).
public struct ScaleByBelief: Transformation {
    public static let name = "scale_by_belief"
    public static let summary = "AdaBelief's m̂ / (√ŝ + ε), ŝ the variance of the update around its mean."
    public static var settings: [Hyperparameter<Self>] {
        [.betas(\.beta1, \.beta2), Hyperparameter("eps", .number(\.eps, .positive), "Added to s every step, and to the denominator.")]
    }

    public var beta1 = 0.9
    public var beta2 = 0.999
    public var eps = 1e-16

    public init() {}

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-16) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    /// The mean m and the belief s.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }

    /// m over the denominator, times 1 / (1 − β₁ᵗ) later.
    public func output(step: StepScalars) -> StageOutput {
        StageOutput(scale: PendingScale(divisor: 1 - pow(beta1, Double(step.count))), hasDenominator: true)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        BeliefKernel(block: block, mean: state[0], belief: state[1], beta1: Scalar(beta1), firstWeight: Scalar(1 - beta1),
                     beta2: Scalar(beta2), secondWeight: Scalar(1 - beta2), eps: Scalar(eps),
                     correction2Root: Scalar((1 - pow(beta2, Double(step.count))).squareRoot())).runVectorized(over: block.range)
    }
}

private struct BeliefKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let mean: UnsafeMutableRawPointer
    let belief: UnsafeMutableRawPointer
    let beta1: Scalar
    let firstWeight: Scalar
    let beta2: Scalar
    let secondWeight: Scalar
    let eps: Scalar
    /// √(1 − β₂ᵗ).
    let correction2Root: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let beta1 = L(beta1), firstWeight = L(firstWeight)
        let beta2 = L(beta2), secondWeight = L(secondWeight)
        let eps = L(eps), correction2Root = L(correction2Root)
        var i = range.lowerBound
        while i < range.upperBound {
            let g = L(loadingFrom: block.input, at: i)
            // The package: exp_avg.mul_(β₁).add_(g, 1 − β₁); exp_avg_var.mul_(β₂).addcmul_(r, r, 1 − β₂).add_(ε).
            let m = L(loadingFrom: mean, at: i) * beta1 + firstWeight * g
            let residual = g - m
            let s = L(loadingFrom: belief, at: i) * beta2 + secondWeight * residual * residual + eps
            m.store(to: mean, at: i)
            s.store(to: belief, at: i)
            m.store(to: block.numerator, at: i)
            (s.squareRoot() / correction2Root + eps).store(to: block.denominator, at: i)
            i += L.laneCount
        }
    }
}
