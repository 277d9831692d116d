import ExptConfig

/// `scale_by_sign`: the sign of each element of the update (signSGD, Bernstein et al. 2018):
///
///     u ← sign(u)          (1, −1, or 0 where u is 0)
public struct ScaleBySign: Transformation {
    public static let name = "scale_by_sign"
    public static let summary = "The sign of each element of the update, sign(u) (signSGD)."
    public static var settings: [Hyperparameter<Self>] { [] }
    public static var storedForm: StoredForm { .empty }

    public init() {}

    public var action: TransformationAction { .elementwise }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        SignKernel(block: block).runVectorized(over: block.range)
    }
}

private struct SignKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            L(loadingFrom: block.input, at: i).signum().store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
