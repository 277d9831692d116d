import Foundation

/// RAdam (Liu et al., 2020), Adam with a rectified variance: the update rule of
/// `torch.optim.RAdam`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ:
///
///     θ ← θ (1 − γ λ)  if decoupled,  else  g ← g + λ θ
///     m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,   m̂ = m / (1 − β₁ᵗ)
///     ρ∞ = 2 / (1 − β₂) − 1,   ρₜ = ρ∞ − 2 t β₂ᵗ / (1 − β₂ᵗ)
///     ρₜ > 5:  r = √((ρₜ − 4)(ρₜ − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρₜ)),
///              θ ← θ − γ m̂ · √(1 − β₂ᵗ) / (√v + ε) · r
///     else:    θ ← θ − γ m̂                (plain momentum while the variance is unreliable)
///
/// With the default β₂ = 0.999 the first five steps are momentum SGD steps.
public final class RAdam<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: RAdamHyperparameters
    private let firstMoment: UnsafeMutableBufferPointer<Scalar>
    private let secondMoment: UnsafeMutableBufferPointer<Scalar>
    /// Steps taken so far.
    public private(set) var stepCount = 0

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: RAdamHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        firstMoment = .filled(parameterCount)
        secondMoment = .filled(parameterCount)
    }

    deinit {
        firstMoment.deallocate()
        secondMoment.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        stepCount += 1
        let h = hyperparameters
        let t = Double(stepCount)
        let lr = Double(learningRate)
        let correction1 = Scalar(1 - pow(h.beta1, t))
        let correction2 = 1 - pow(h.beta2, t)
        let rhoInfinity = 2 / (1 - h.beta2) - 1
        let rho = rhoInfinity - 2 * t * pow(h.beta2, t) / correction2
        let rectification = Scalar(((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot())
        let correction2Root = Scalar(correction2.squareRoot())
        RAdamKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart,
            firstMoment: firstMoment.rawStart, secondMoment: secondMoment.rawStart,
            weightDecay: WeightDecayMode(weightDecay: h.weightDecay, decoupled: h.decoupledWeightDecay, learningRate: lr),
            firstWeight: Scalar(1 - h.beta1), beta2: Scalar(h.beta2), secondWeight: Scalar(1 - h.beta2), eps: Scalar(h.eps),
            correction1: correction1, correction2Root: correction2Root,
            rectified: rho > 5, rectification: rectification, rate: Scalar(lr)
        ).runFastest(count: parameters.count)
    }
}
