import ExptConfig

/// `scale_by_lion`: the sign of an interpolated momentum (Chen et al. 2023), in the order of
/// lucidrains/lion-pytorch:
///
///     u ← sign(β₁ m + (1 − β₁) u)          m ← β₂ m + (1 − β₂) u
public struct ScaleByLion: Transformation {
    public static let name = "scale_by_lion"
    public static let summary = "The sign of an interpolated momentum, sign(β₁ m + (1 − β₁) u) (Lion's direction)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("betas", .pair(\.beta1, \.beta2, names: ("beta1", "beta2")), "Interpolation for the sign, and decay of the momentum.")]
    }

    public var beta1 = 0.9
    public var beta2 = 0.99

    public init() {}

    public init(beta1: Double = 0.9, beta2: Double = 0.99) {
        self.beta1 = beta1
        self.beta2 = beta2
    }

    public var action: TransformationAction { .elementwise }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        LionSignKernel(block: block, momentum: state[0], beta1: Scalar(beta1), interpolationWeight: Scalar(1 - beta1), beta2: Scalar(beta2),
                       decayWeight: Scalar(1 - beta2)).runVectorized(over: block.range)
    }
}

private struct LionSignKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let momentum: UnsafeMutableRawPointer
    let beta1: Scalar
    let interpolationWeight: Scalar
    let beta2: Scalar
    let decayWeight: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let beta1 = L(beta1)
        let interpolationWeight = L(interpolationWeight)
        let beta2 = L(beta2)
        let decayWeight = L(decayWeight)
        var i = range.lowerBound
        while i < range.upperBound {
            let g = L(loadingFrom: block.input, at: i)
            let m = L(loadingFrom: momentum, at: i)
            (m * beta1 + interpolationWeight * g).signum().store(to: block.numerator, at: i)
            (m * beta2 + decayWeight * g).store(to: momentum, at: i)
            i += L.laneCount
        }
    }
}
