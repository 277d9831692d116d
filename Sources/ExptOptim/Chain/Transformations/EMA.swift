import ExptConfig
import Foundation

/// `ema`: an exponential moving average of the updates (Optax's `ema`), debiased as Optax does:
///
///     m ← β m + (1 − β) u          u ← m / (1 − βᵗ)   (debias)   or   u ← m
///
/// With `debias` the first steps are not pulled towards m's start at 0.
public struct EMA: Transformation {
    public static let name = "ema"
    public static let summary = "An exponential moving average of the updates, m / (1 − βᵗ) when debiased."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("decay", .number(\.decay, .closedUnit), "The average's decay β."),
         Hyperparameter("debias", .flag(\.debias), "Divide by 1 − βᵗ, so the average is not biased towards 0.")]
    }

    public var decay = 0.9
    public var debias = true

    public init() {}

    public init(decay: Double = 0.9, debias: Bool = true) {
        self.decay = decay
        self.debias = debias
    }

    public var action: TransformationAction { .elementwise }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count] }

    /// m, times 1 / (1 − βᵗ) later when debiased.
    public func output(step: StepScalars) -> StageOutput {
        let correction = 1 - pow(decay, Double(step.count))
        return StageOutput(scale: debias && correction != 0 ? PendingScale(divisor: correction) : PendingScale())
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        MovingAverageKernel(block: block, average: state[0], decay: Scalar(decay), newWeight: Scalar(1 - decay)).runVectorized(over: block.range)
    }
}

private struct MovingAverageKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let average: UnsafeMutableRawPointer
    let decay: Scalar
    /// 1 − β.
    let newWeight: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let decay = L(decay)
        let newWeight = L(newWeight)
        var i = range.lowerBound
        while i < range.upperBound {
            let m = L(loadingFrom: average, at: i) * decay + newWeight * L(loadingFrom: block.input, at: i)
            m.store(to: average, at: i)
            m.store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
