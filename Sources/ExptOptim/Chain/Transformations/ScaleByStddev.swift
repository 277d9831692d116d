import ExptConfig

/// `scale_by_stddev`: the update over a running standard deviation (centred RMSprop, Graves
/// 2013), in torch.optim.RMSprop's order of operations (`centered: true`):
///
///     v ← α v + (1 − α) u²      ḡ ← α ḡ + (1 − α) u      u ← u / (√(v − ḡ²) + ε)
public struct ScaleByStddev: Transformation {
    public static let name = "scale_by_stddev"
    public static let summary = "The update over a running standard deviation, u / (√(v − ḡ²) + ε) (centred RMSprop)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("alpha", .number(\.alpha, .closedUnit), "Decay rate of the mean square and the mean."), .eps(\.eps)]
    }

    public var alpha = 0.99
    public var eps = 1e-8

    public init() {}

    public init(alpha: Double = 0.99, eps: Double = 1e-8) {
        self.alpha = alpha
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    /// The mean square and the mean.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }
    public func output(step: StepScalars) -> StageOutput { StageOutput(hasDenominator: true) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        RootMeanSquareKernel(block: block, meanSquare: state[0], meanGradient: state[1], alpha: Scalar(alpha), newWeight: Scalar(1 - alpha),
                             eps: Scalar(eps)).runFastest()
    }
}
