/// Adadelta (Zeiler, 2012): the update rule of `torch.optim.Adadelta`.
///
/// With gradient g, parameters θ, learning rate γ, decay ρ, weight decay λ, the mean squared
/// gradient v and the mean squared step u:
///
///     g ← g + λ θ
///     v ← ρ v + (1 − ρ) g²
///     Δ ← √(u + ε) / √(v + ε) · g
///     u ← ρ u + (1 − ρ) Δ²
///     θ ← θ − γ Δ
///
/// The paper has no learning rate (γ = 1, torch's default); ε sits inside both square roots,
/// so the first steps have size about √ε / √(1 − ρ) whatever the gradient's scale.
public final class Adadelta<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: AdadeltaHyperparameters
    private let meanSquaredGradient: UnsafeMutableBufferPointer<Scalar>
    private let meanSquaredStep: UnsafeMutableBufferPointer<Scalar>

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: AdadeltaHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        meanSquaredGradient = .filled(parameterCount)
        meanSquaredStep = .filled(parameterCount)
    }

    deinit {
        meanSquaredGradient.deallocate()
        meanSquaredStep.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        let h = hyperparameters
        AdadeltaKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart,
            meanSquaredGradient: meanSquaredGradient.rawStart, meanSquaredStep: meanSquaredStep.rawStart,
            rho: Scalar(h.rho), newWeight: Scalar(1 - h.rho), eps: Scalar(h.eps), weightDecay: Scalar(h.weightDecay),
            negativeRate: -learningRate
        ).runFastest(count: parameters.count)
    }
}
