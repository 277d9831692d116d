import ExptConfig

/// `scale_by_rss`: the update over the root of the sum of squared updates (Adagrad's direction,
/// Duchi et al. 2011), in torch.optim.Adagrad's order of operations and with its defaults:
///
///     s ← s + u²          u ← (1 / (1 + (t − 1) η)) · u / (√s + ε)          (s starts at `initial_accumulator_value`)
///
/// with torch's rate decay η (`lr_decay`, 0 by default) at step t (from 1).
public struct ScaleByRSS: Transformation {
    public static let name = "scale_by_rss"
    public static let summary = "The update over the root of the sum of squares, u / (√s + ε) (Adagrad's direction)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("initial_accumulator_value", .number(\.initialAccumulatorValue, .nonNegative), "Starting sum of squares."),
         .eps(\.eps),
         Hyperparameter("lr_decay", .number(\.lrDecay, .nonNegative), "The update of step t is divided by 1 + (t − 1) · lr_decay.")]
    }

    public var initialAccumulatorValue = 0.0
    public var eps = 1e-10
    public var lrDecay = 0.0

    public init() {}

    public init(initialAccumulatorValue: Double = 0, eps: Double = 1e-10, lrDecay: Double = 0) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
        self.lrDecay = lrDecay
    }

    public var action: TransformationAction { .elementwise }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count] }
    public var initialState: Double { initialAccumulatorValue }
    /// u over the denominator, divided by 1 + (t − 1) η later.
    public func output(step: StepScalars) -> StageOutput {
        StageOutput(scale: PendingScale(divisor: 1 + Double(step.count - 1) * lrDecay), hasDenominator: true)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        SumOfSquaresKernel(block: block, sum: state[0], eps: Scalar(eps)).runVectorized(over: block.range)
    }
}

private struct SumOfSquaresKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let sum: UnsafeMutableRawPointer
    let eps: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let eps = L(eps)
        var i = range.lowerBound
        while i < range.upperBound {
            let g = L(loadingFrom: block.input, at: i)
            let s = L(loadingFrom: sum, at: i) + g * g
            s.store(to: sum, at: i)
            g.store(to: block.numerator, at: i)
            (s.squareRoot() + eps).store(to: block.denominator, at: i)
            i += L.laneCount
        }
    }
}
