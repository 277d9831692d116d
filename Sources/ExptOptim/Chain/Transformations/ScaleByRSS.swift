import ExptConfig

/// `scale_by_rss`: the update over the root of the sum of squared updates (Adagrad's direction,
/// Duchi et al. 2011), in torch.optim.Adagrad's order of operations and with its defaults:
///
///     s ← s + u²          u ← u / (√s + ε)          (s starts at `initial_accumulator_value`)
public struct ScaleByRSS: Transformation {
    public static let name = "scale_by_rss"
    public static let summary = "The update over the root of the sum of squares, u / (√s + ε) (Adagrad's direction)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("initial_accumulator_value", .number(\.initialAccumulatorValue, .nonNegative), "Starting sum of squares."),
         .eps(\.eps)]
    }

    public var initialAccumulatorValue = 0.0
    public var eps = 1e-10

    public init() {}

    public init(initialAccumulatorValue: Double = 0, eps: Double = 1e-10) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count] }
    public var initialState: Double { initialAccumulatorValue }
    public func output(step: StepScalars) -> StageOutput { StageOutput(hasDenominator: true) }

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
