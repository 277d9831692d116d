import ExptConfig
internal import CKernels

/// `scale_by_rms`: the update over a running root mean square (RMSprop's direction, Hinton 2012),
/// in torch.optim.RMSprop's order of operations:
///
///     v ← α v + (1 − α) u²          u ← u / (√v + ε)
///
/// ε is added after the square root, as torch does (Optax adds it inside).
public struct ScaleByRMS: Transformation {
    public static let name = "scale_by_rms"
    public static let summary = "The update over a running root mean square, u / (√v + ε) (RMSprop's direction)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("alpha", .number(\.alpha, .closedUnit), "Decay rate of the mean square."), .eps(\.eps)]
    }

    public var alpha = 0.99
    public var eps = 1e-8

    public init() {}

    public init(alpha: Double = 0.99, eps: Double = 1e-8) {
        self.alpha = alpha
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count] }
    public func output(step: StepScalars) -> StageOutput { StageOutput(hasDenominator: true) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        RootMeanSquareKernel(block: block, meanSquare: state[0], meanGradient: nil, alpha: Scalar(alpha), newWeight: Scalar(1 - alpha),
                             eps: Scalar(eps)).runFastest()
    }
}

/// The root mean square of `scale_by_rms`, and with the running mean ḡ of `scale_by_stddev`:
///
///     v ← α v + (1 − α) u²     ḡ ← lerp(ḡ, u, 1 − α)     d = √(v − ḡ²) + ε  (or √v + ε)
///
/// writing u as the numerator and d as the denominator (torch's RMSprop: `mul_`/`addcmul_`, `lerp_`,
/// `addcmul(ḡ, ḡ, value: −1)`, `sqrt_().add_(ε)`).
struct RootMeanSquareKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let meanSquare: UnsafeMutableRawPointer
    let meanGradient: UnsafeMutableRawPointer?
    let alpha: Scalar
    /// 1 − α.
    let newWeight: Scalar
    let eps: Scalar

    /// Runs the block: the C copy for `Float` (the same operations, for the widest instruction
    /// set), the `Lanes` loop for any other scalar.
    func runFastest() {
        guard Scalar.self == Float.self else { return runVectorized(over: block.range) }
        let start = block.range.lowerBound
        expt_chain_root_mean_square(block.input.floats + start, meanSquare.floats + start, meanGradient.map { $0.floats + start },
                                    block.numerator.floats + start, block.denominator.floats + start, block.range.count,
                                    Float(alpha), Float(newWeight), Float(eps))
    }

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let alpha = L(alpha)
        let newWeightScalar = L.Scalar(newWeight)
        let newWeight = L(newWeight)
        let eps = L(eps)
        let minusOne = L(-1.0)
        var i = range.lowerBound
        while i < range.upperBound {
            let g = L(loadingFrom: block.input, at: i)
            let v = L(loadingFrom: meanSquare, at: i) * alpha + newWeight * g * g
            v.store(to: meanSquare, at: i)
            var variance = v
            if let meanGradient {
                let mean = L.lerp(L(loadingFrom: meanGradient, at: i), g, newWeightScalar)
                mean.store(to: meanGradient, at: i)
                variance = v + minusOne * mean * mean
            }
            g.store(to: block.numerator, at: i)
            (variance.squareRoot() + eps).store(to: block.denominator, at: i)
            i += L.laneCount
        }
    }
}
