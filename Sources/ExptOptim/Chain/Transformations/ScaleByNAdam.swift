import ExptConfig
import Foundation

/// `scale_by_nadam`: NAdam's direction (Dozat 2016), Adam with Nesterov momentum and
/// torch.optim.NAdam's momentum schedule. With step t (from 1) and momentum decay ψ:
///
///     μₜ = β₁ (1 − ½ · 0.96^(t ψ)),   Πₜ = μ₁ ⋯ μₜ
///     m ← β₁ m + (1 − β₁) u,   v ← β₂ v + (1 − β₂) u²,   d = √(v / (1 − β₂ᵗ)) + ε
///     u ← (1 − μₜ) / (1 − Πₜ) · u / d  +  μₜ₊₁ / (1 − Πₜ μₜ₊₁) · m / d
///
/// The running product Π is kept in the parameters' type, as torch keeps it in a tensor. torch
/// adds the two terms to θ one after the other; a chain adds their sum, so
/// `[scale_by_nadam, scale_by_learning_rate]` equals torch's NAdam up to that one rounding per
/// step (it is the one built-in whose chain is not exact to the bit).
public struct ScaleByNAdam: Transformation {
    public static let name = "scale_by_nadam"
    public static let summary = "NAdam's Nesterov-corrected moment ratio with torch's momentum schedule μₜ = β₁ (1 − ½ · 0.96^(tψ))."
    public static var settings: [Hyperparameter<Self>] {
        [.betas(\.beta1, \.beta2), .eps(\.eps),
         Hyperparameter("momentum_decay", .number(\.momentumDecay, .nonNegative), "ψ of the momentum schedule.")]
    }

    public var beta1 = 0.9
    public var beta2 = 0.999
    public var eps = 1e-8
    public var momentumDecay = 0.004

    public init() {}

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, momentumDecay: Double = 0.004) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.momentumDecay = momentumDecay
    }

    public var action: TransformationAction { .elementwise }
    /// The first and second moments.
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count, layout.count] }

    private func momentum(at t: Double) -> Double {
        NAdamHyperparameters.momentum(beta1: beta1, momentumDecay: momentumDecay, at: t)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        let t = Double(step.count)
        let mu = momentum(at: t)
        let nextMu = momentum(at: t + 1)
        // The step's first block (every pass starts at element 0) advances the product, once a step.
        if block.range.lowerBound == 0 { state.runningProduct *= Scalar(mu) }
        let product = Double(state.runningProduct)
        NesterovMomentKernel(
            block: block, moments: TwoMoments(first: state[0], second: state[1], beta1: beta1, beta2: beta2), eps: Scalar(eps),
            correction2: Scalar(1 - pow(beta2, t)), gradientFactor: Scalar((1 - mu) / (1 - product)),
            momentFactor: Scalar(nextMu / (1 - product * nextMu))
        ).runVectorized(over: block.range)
    }
}

private struct NesterovMomentKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let moments: TwoMoments<Scalar>
    let eps: Scalar
    /// 1 − β₂ᵗ.
    let correction2: Scalar
    /// (1 − μₜ) / (1 − Πₜ).
    let gradientFactor: Scalar
    /// μₜ₊₁ / (1 − Πₜ μₜ₊₁).
    let momentFactor: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let moments = TwoMomentLanes<L>(moments)
        let eps = L(eps)
        let correction2 = L(correction2)
        let gradientFactor = L(gradientFactor)
        let momentFactor = L(momentFactor)
        var i = range.lowerBound
        while i < range.upperBound {
            let g = L(loadingFrom: block.input, at: i)
            let (m, v) = moments.update(g, at: i)
            let denominator = (v / correction2).squareRoot() + eps
            (gradientFactor * g / denominator + momentFactor * m / denominator).store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
