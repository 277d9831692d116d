import Foundation

/// NAdam (Dozat, 2016), Adam with Nesterov momentum and a momentum schedule: the update rule of
/// `torch.optim.NAdam`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ, weight decay λ and momentum
/// decay ψ:
///
///     θ ← θ (1 − γ λ)  if decoupled,  else  g ← g + λ θ
///     μₜ = β₁ (1 − ½ · 0.96^(t ψ)),   Πₜ = μ₁ ⋯ μₜ
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     d = √(v / (1 − β₂ᵗ)) + ε
///     θ ← θ − γ (1 − μₜ) / (1 − Πₜ) · g / d − γ μₜ₊₁ / (1 − Πₜ μₜ₊₁) · m / d
///
/// The running product Π is kept in `Scalar`, as torch keeps it in a tensor of the default
/// dtype; the other scalar factors are computed in double precision.
public final class NAdam<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: NAdamHyperparameters
    private let firstMoment: UnsafeMutableBufferPointer<Scalar>
    private let secondMoment: UnsafeMutableBufferPointer<Scalar>
    private var momentumProduct: Scalar = 1
    /// Steps taken so far.
    public private(set) var stepCount = 0

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: NAdamHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        firstMoment = .filled(parameterCount)
        secondMoment = .filled(parameterCount)
    }

    deinit {
        firstMoment.deallocate()
        secondMoment.deallocate()
    }

    /// μ at step `t`.
    private func momentum(at t: Double) -> Double {
        hyperparameters.beta1 * (1 - 0.5 * pow(0.96, t * hyperparameters.momentumDecay))
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        stepCount += 1
        let h = hyperparameters
        let t = Double(stepCount)
        let lr = Double(learningRate)
        let correction2 = Scalar(1 - pow(h.beta2, t))
        let mu = momentum(at: t)
        let nextMu = momentum(at: t + 1)
        momentumProduct *= Scalar(mu)
        let product = Double(momentumProduct)
        let gradientFactor = Scalar(-lr * (1 - mu) / (1 - product))
        let momentFactor = Scalar(-lr * nextMu / (1 - product * nextMu))
        NAdamKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart,
            firstMoment: firstMoment.rawStart, secondMoment: secondMoment.rawStart,
            weightDecay: WeightDecayMode(weightDecay: h.weightDecay, decoupled: h.decoupledWeightDecay, learningRate: lr),
            firstWeight: Scalar(1 - h.beta1), beta2: Scalar(h.beta2), secondWeight: Scalar(1 - h.beta2), eps: Scalar(h.eps),
            correction2: correction2, gradientFactor: gradientFactor, momentFactor: momentFactor
        ).runFastest(count: parameters.count)
    }
}
