import ExptConfig

/// `scale_by_rprop`: Rprop's step (Riedmiller and Braun 1993), as torch.optim.Rprop takes it:
/// per element a step size s that grows while the update keeps its sign and shrinks when it
/// flips, and a step of s against the sign. With the previous (possibly zeroed) update p
/// (starting at 0):
///
///     s ← clamp(s · η₊, s_min, s_max)   where u p > 0
///     s ← clamp(s · η₋, s_min, s_max)   where u p < 0, and there u ← 0 for this step
///     s ← clamp(s, s_min, s_max)        where u p = 0
///     p ← u          u ← sign(u) · s
///
/// The step sizes start at the first step's learning rate γ₁ and are in the units of the
/// parameters: torch reads `lr` only to fill them. So the stage's update already is the step,
/// and it leaves the factor 1 / γ pending, which the chain's final `scale_by_learning_rate`
/// cancels exactly (γ / γ = 1): a schedule changes the run only through γ₁, as in torch, and
/// `[scale_by_rprop, scale_by_learning_rate]` is torch's Rprop bit for bit. Transformations
/// between the two see sign(u) · s / γ. At a step whose rate is 0 nothing is left pending, so
/// that step does not move. As the built-in, a NaN update leaves its element and step size as
/// they were.
public struct ScaleByRprop: Transformation {
    public static let name = "scale_by_rprop"
    public static let summary = "Rprop's sign(u) · s, per-element step sizes s from sign changes, in the parameters' units."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("etaminus", .number(\.etaminus, .openUnit), "Factor of a step size where the update changed sign."),
         Hyperparameter("etaplus", .number(\.etaplus, .positive), "Factor of a step size where the update kept its sign, > 1."),
         Hyperparameter("step_size_min", .number(\.stepSizeMin, .nonNegative), "Smallest step size."),
         Hyperparameter("step_size_max", .number(\.stepSizeMax, .positive), "Largest step size.")]
    }

    public var etaminus = 0.5
    public var etaplus = 1.2
    public var stepSizeMin = 1e-6
    public var stepSizeMax = 50.0

    public init() {}

    public init(etaminus: Double = 0.5, etaplus: Double = 1.2, stepSizeMin: Double = 1e-6, stepSizeMax: Double = 50) {
        self.etaminus = etaminus
        self.etaplus = etaplus
        self.stepSizeMin = stepSizeMin
        self.stepSizeMax = stepSizeMax
    }

    /// torch's rule `etaplus > 1`, and step sizes whose range is not empty.
    public func conflict() -> HyperparameterConflict? {
        RpropStepSizes<Double>.conflict(etaplus: etaplus, stepSizeMin: stepSizeMin, stepSizeMax: stepSizeMax)
    }

    public var action: TransformationAction { .elementwise }
    /// The previous update and the step sizes.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }

    /// The step itself, times 1 / γ later.
    public func output(step: StepScalars) -> StageOutput {
        StageOutput(scale: step.cancelledRate)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        if step.count == 1 {
            // Every step size starts at the first step's rate, as torch fills them with lr.
            state[1].advanced(by: block.range.lowerBound * MemoryLayout<Scalar>.stride)
                .initializeMemory(as: Scalar.self, repeating: Scalar(step.learningRate), count: block.range.count)
        }
        ResilientStepKernel(block: block, sizes: RpropStepSizes(previous: state[0], stepSizes: state[1], etaminus: etaminus, etaplus: etaplus,
                                                               stepSizeMin: stepSizeMin, stepSizeMax: stepSizeMax)).runVectorized(over: block.range)
    }
}

private struct ResilientStepKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let sizes: RpropStepSizes<Scalar>

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let sizes = RpropStepSizeLanes<L>(sizes)
        var i = range.lowerBound
        while i < range.upperBound {
            sizes.step(L(loadingFrom: block.input, at: i), at: i).store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
