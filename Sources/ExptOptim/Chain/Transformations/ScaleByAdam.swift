import ExptConfig
import Foundation
internal import CKernels

/// `scale_by_adam`: Adam's direction (Kingma and Ba, 2015), with AMSGrad's maximum as an option,
/// in torch.optim.Adam's order of operations. With the update u (the gradient, as it reaches the
/// transformation) and step t:
///
///     m ← β₁ m + (1 − β₁) u            v ← β₂ v + (1 − β₂) u²         v̂ ← max(v̂, v) (AMSGrad)
///     u ← (1 / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// ε is added after the bias-corrected square root, as torch does (Optax too).
public struct ScaleByAdam: Transformation {
    public static let name = "scale_by_adam"
    public static let summary = "Adam's bias-corrected moment ratio m̂ / (√v̂ + ε), optionally with AMSGrad."
    public static var settings: [Hyperparameter<Self>] {
        [.betas(\.beta1, \.beta2), .eps(\.eps),
         Hyperparameter("amsgrad", .flag(\.amsgrad), "Use the maximum of past second moments.")]
    }

    public var beta1 = 0.9
    public var beta2 = 0.999
    public var eps = 1e-8
    public var amsgrad = false

    public init() {}

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, amsgrad: Bool = false) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.amsgrad = amsgrad
    }

    public var action: TransformationAction { .elementwise }

    public func stateLengths(layout: ParameterLayout) -> [Int] {
        [layout.count, layout.count, amsgrad ? layout.count : 0]
    }

    /// m (its state array) over the denominator, times 1 / (1 − β₁ᵗ) later.
    public func output(step: StepScalars) -> StageOutput {
        StageOutput(scale: PendingScale(divisor: 1 - pow(beta1, Double(step.count))), hasDenominator: true, numeratorInState: 0)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        let kernel = ScaleByAdamKernel(
            block: block, moments: TwoMoments(first: state[0], second: state[1], beta1: beta1, beta2: beta2),
            maxSecondMoment: state[2], amsgrad: amsgrad, eps: Scalar(eps),
            correction2Root: Scalar((1 - pow(beta2, Double(step.count))).squareRoot()))
        if Scalar.self == Float.self {
            // The same operations in C, for the widest instruction set.
            let start = block.range.lowerBound
            expt_chain_adam(block.input.floats + start, kernel.moments.first.floats + start, kernel.moments.second.floats + start,
                            kernel.maxSecondMoment.floats + start, block.denominator.floats + start, block.range.count,
                            kernel.moments.compiled, Float(kernel.eps), Float(kernel.correction2Root), amsgrad)
        } else {
            kernel.runVectorized(over: block.range)
        }
    }
}

private struct ScaleByAdamKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let moments: TwoMoments<Scalar>
    let maxSecondMoment: UnsafeMutableRawPointer
    let amsgrad: Bool
    let eps: Scalar
    let correction2Root: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if amsgrad { loop(L.self, range, amsgrad: true) } else { loop(L.self, range, amsgrad: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, amsgrad: Bool) {
        let moments = TwoMomentLanes<L>(moments)
        let eps = L(eps)
        let correction2Root = L(correction2Root)
        var i = range.lowerBound
        while i < range.upperBound {
            let (m, v) = moments.update(L(loadingFrom: block.input, at: i), at: i)
            var vUsed = v
            if amsgrad {
                vUsed = L.maximum(L(loadingFrom: maxSecondMoment, at: i), v)
                vUsed.store(to: maxSecondMoment, at: i)
            }
            (vUsed.squareRoot() / correction2Root + eps).store(to: block.denominator, at: i)
            i += L.laneCount
        }
    }
}
