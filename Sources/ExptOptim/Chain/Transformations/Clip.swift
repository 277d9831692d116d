import ExptConfig
internal import CKernels

/// `clip`: every element of the update clamped to [−δ, δ] (Optax's `clip(max_delta)`, torch's
/// `clip_grad_value_` on the update):
///
///     u ← min(max(u, −δ), δ)
public struct Clip: Transformation {
    public static let name = "clip"
    public static let summary = "Every element of the update clamped to [−δ, δ] (clip by value)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("max_delta", .number(\.maxDelta, .positive), "The bound δ on each element's magnitude.")]
    }

    public var maxDelta = 1.0

    public init() {}

    public init(maxDelta: Double) {
        self.maxDelta = maxDelta
    }

    public var action: TransformationAction { .elementwise }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        if Scalar.self == Float.self {
            // The same operations in C, for the widest instruction set.
            let start = block.range.lowerBound
            expt_chain_clip(block.input.floats + start, block.numerator.floats + start, block.range.count, -Float(maxDelta))
        } else {
            ClipKernel(block: block, bound: Scalar(maxDelta)).runVectorized(over: block.range)
        }
    }
}

private struct ClipKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let bound: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let zero = L(0)
        let negativeBound = L(-bound)
        var i = range.lowerBound
        while i < range.upperBound {
            // min(a, δ) = −max(−a, −δ).
            let raised = L.maximum(L(loadingFrom: block.input, at: i), negativeBound)
            (zero - L.maximum(zero - raised, negativeBound)).store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
