import ExptConfig
import Foundation

/// `scale_by_radam`: RAdam's direction (Liu et al. 2020), Adam with a rectified variance, in
/// torch.optim.RAdam's order of operations. With step t (from 1):
///
///     m ← β₁ m + (1 − β₁) u,   v ← β₂ v + (1 − β₂) u²,   m̂ = m / (1 − β₁ᵗ)
///     ρ∞ = 2 / (1 − β₂) − 1,   ρₜ = ρ∞ − 2 t β₂ᵗ / (1 − β₂ᵗ)
///     ρₜ > 5:  r = √((ρₜ − 4)(ρₜ − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρₜ)),   u ← m̂ · √(1 − β₂ᵗ) / (√v + ε) · r
///     else:    u ← m̂           (plain momentum while the variance is unreliable)
///
/// torch multiplies m̂ by the learning rate γ before the other factors; so that the chain keeps
/// those bits, the stage multiplies by γ itself and leaves the factor 1 / γ pending, which the
/// step's γ cancels exactly (γ / γ = 1). At a step whose rate is 0 it leaves γ out.
public struct ScaleByRAdam: Transformation {
    public static let name = "scale_by_radam"
    public static let summary = "RAdam's rectified m̂ · √(1 − β₂ᵗ) / (√v + ε) · r, plain momentum m̂ while ρₜ ≤ 5."
    public static var settings: [Hyperparameter<Self>] { [.betas(\.beta1, \.beta2), .eps(\.eps)] }

    public var beta1 = 0.9
    public var beta2 = 0.999
    public var eps = 1e-8

    public init() {}

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    public var action: TransformationAction { .elementwise }
    /// The first and second moments.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }

    /// The update times γ, times 1 / γ later.
    public func output(step: StepScalars) -> StageOutput {
        StageOutput(scale: step.cancelledRate)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        let t = Double(step.count)
        let rectification = RAdamHyperparameters.rectification(beta2: beta2, step: step.count)
        RectifiedMomentKernel(
            block: block, moments: TwoMoments(first: state[0], second: state[1], beta1: beta1, beta2: beta2), eps: Scalar(eps),
            correction1: Scalar(1 - pow(beta1, t)), correction2Root: Scalar((1 - pow(beta2, t)).squareRoot()),
            rectified: rectification != nil, rectification: Scalar(rectification ?? 1), rate: Scalar(step.rateToApply)
        ).runVectorized(over: block.range)
    }
}

private struct RectifiedMomentKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let moments: TwoMoments<Scalar>
    let eps: Scalar
    /// 1 − β₁ᵗ.
    let correction1: Scalar
    /// √(1 − β₂ᵗ).
    let correction2Root: Scalar
    /// ρₜ > 5: the adaptive direction, scaled by `rectification`; else m̂.
    let rectified: Bool
    let rectification: Scalar
    let rate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if rectified { loop(L.self, range, rectified: true) } else { loop(L.self, range, rectified: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, rectified: Bool) {
        let moments = TwoMomentLanes<L>(moments)
        let eps = L(eps)
        let correction1 = L(correction1)
        let correction2Root = L(correction2Root)
        let rectification = L(rectification)
        let rate = L(rate)
        let one = L(1.0)
        var i = range.lowerBound
        while i < range.upperBound {
            let (m, v) = moments.update(L(loadingFrom: block.input, at: i), at: i)
            RAdamKernel<Scalar>.step(m, v, rectified: rectified, correction1: correction1, correction2Root: correction2Root, eps: eps,
                                     rectification: rectification, rate: rate, one: one).store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
