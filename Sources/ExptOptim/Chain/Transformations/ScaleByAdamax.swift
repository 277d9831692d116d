import ExptConfig
import Foundation

/// `scale_by_adamax`: Adamax's direction (Kingma and Ba 2015, section 7.1), Adam with the
/// infinity norm, in torch.optim.Adamax's order of operations:
///
///     m ← β₁ m + (1 − β₁) u          n ← max(β₂ n, |u| + ε)          u ← (1 / (1 − β₁ᵗ)) · m / n
///
/// ε is added to |u| inside the maximum, as torch does.
public struct ScaleByAdamax: Transformation {
    public static let name = "scale_by_adamax"
    public static let summary = "Adamax's m̂ / n, n a decaying maximum of |u| + ε."
    public static var settings: [Hyperparameter<Self>] {
        [.betas(\.beta1, \.beta2), Hyperparameter("eps", .number(\.eps, .positive), "Added to |u| inside the maximum.")]
    }

    public var beta1 = 0.9
    public var beta2 = 0.999
    public var eps = 1e-8

    public init() {}

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    /// The first moment and the infinity norm.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }

    /// m over n, times 1 / (1 − β₁ᵗ) later.
    public func output(step: StepScalars) -> StageOutput {
        StageOutput(scale: PendingScale(divisor: 1 - pow(beta1, Double(step.count))), hasDenominator: true)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        InfinityNormKernel(block: block, firstMoment: state[0], infinityNorm: state[1], firstWeight: Scalar(1 - beta1),
                           beta2: Scalar(beta2), eps: Scalar(eps)).runVectorized(over: block.range)
    }
}

private struct InfinityNormKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let firstMoment: UnsafeMutableRawPointer
    let infinityNorm: UnsafeMutableRawPointer
    /// 1 − β₁, lerp's weight.
    let firstWeight: Scalar
    let beta2: Scalar
    let eps: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let firstWeight = L.Scalar(firstWeight)
        let beta2 = L(beta2)
        let eps = L(eps)
        var i = range.lowerBound
        while i < range.upperBound {
            let (m, n) = AdamaxKernel<Scalar>.moments(L(loadingFrom: block.input, at: i), at: i, firstMoment: firstMoment,
                                                      infinityNorm: infinityNorm, firstWeight: firstWeight, beta2: beta2, eps: eps)
            m.store(to: block.numerator, at: i)
            n.store(to: block.denominator, at: i)
            i += L.laneCount
        }
    }
}
