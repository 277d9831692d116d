import ExptConfig

/// `scale_by_adadelta`: Adadelta's direction (Zeiler 2012), in torch.optim.Adadelta's order of
/// operations: the update in the units of the parameters, from running averages of the squared
/// update v and of the squared step w:
///
///     v ← ρ v + (1 − ρ) u²          Δ = √(w + ε) / √(v + ε) · u          w ← ρ w + (1 − ρ) Δ²          u ← Δ
///
/// `[scale_by_adadelta, scale_by_learning_rate]` is torch's Adadelta (whose default rate is 1).
public struct ScaleByAdadelta: Transformation {
    public static let name = "scale_by_adadelta"
    public static let summary = "Adadelta's √(w + ε) / √(v + ε) · u, from running averages of squared updates and steps."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("rho", .number(\.rho, .closedUnit), "Decay rate of the running averages."),
         Hyperparameter("eps", .number(\.eps, .positive), "Added inside both square roots.")]
    }

    public var rho = 0.9
    public var eps = 1e-6

    public init() {}

    public init(rho: Double = 0.9, eps: Double = 1e-6) {
        self.rho = rho
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    /// The running averages of the squared update and of the squared step.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        AdadeltaDirectionKernel(block: block, meanSquaredUpdate: state[0], meanSquaredStep: state[1], rho: Scalar(rho),
                                newWeight: Scalar(1 - rho), eps: Scalar(eps)).runVectorized(over: block.range)
    }
}

private struct AdadeltaDirectionKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let meanSquaredUpdate: UnsafeMutableRawPointer
    let meanSquaredStep: UnsafeMutableRawPointer
    let rho: Scalar
    /// 1 − ρ.
    let newWeight: Scalar
    let eps: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let rho = L(rho)
        let newWeight = L(newWeight)
        let eps = L(eps)
        var i = range.lowerBound
        while i < range.upperBound {
            AdadeltaKernel<Scalar>.delta(L(loadingFrom: block.input, at: i), at: i, meanSquaredGradient: meanSquaredUpdate,
                                         meanSquaredStep: meanSquaredStep, rho: rho, newWeight: newWeight, eps: eps)
                .store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
