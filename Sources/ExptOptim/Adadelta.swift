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
        let rho = Scalar(h.rho)
        let newWeight = Scalar(1 - h.rho)
        let eps = Scalar(h.eps)
        let weightDecay = Scalar(h.weightDecay)
        let negativeRate = -learningRate
        for i in 0..<parameters.count {
            var g = gradients[i]
            if weightDecay != 0 { g += weightDecay * parameters[i] }
            let v = meanSquaredGradient[i] * rho + newWeight * g * g
            meanSquaredGradient[i] = v
            // torch: delta = sqrt(u + ε); delta.div_(sqrt(v + ε)).mul_(g).
            let delta = (meanSquaredStep[i] + eps).squareRoot() / (v + eps).squareRoot() * g
            meanSquaredStep[i] = meanSquaredStep[i] * rho + newWeight * delta * delta
            parameters[i] += negativeRate * delta
        }
    }
}
