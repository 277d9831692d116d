/// RMSprop (Hinton, 2012), optionally centered (Graves, 2013) and with momentum: the update
/// rule of `torch.optim.RMSprop`.
///
/// With gradient g, parameters θ, learning rate γ, decay α, weight decay λ, momentum μ, the
/// mean square v, the mean gradient ḡ (centered only) and the momentum buffer b:
///
///     g ← g + λ θ
///     v ← α v + (1 − α) g²
///     ḡ ← α ḡ + (1 − α) g               (centered)
///     d ← √(v − ḡ²) + ε  if centered, else  √v + ε
///     b ← μ b + g / d,  θ ← θ − γ b      (μ > 0)
///     θ ← θ − γ g / d                     (μ = 0)
///
/// There is no bias correction, so early steps are larger than later ones (v starts at 0),
/// and ε is added after the square root.
public final class RMSprop<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: RMSpropHyperparameters
    private let meanSquare: UnsafeMutableBufferPointer<Scalar>
    private let meanGradient: UnsafeMutableBufferPointer<Scalar>
    private let momentumBuffer: UnsafeMutableBufferPointer<Scalar>

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: RMSpropHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        meanSquare = .filled(parameterCount)
        meanGradient = .filled(hyperparameters.centered ? parameterCount : 0)
        momentumBuffer = .filled(hyperparameters.momentum > 0 ? parameterCount : 0)
    }

    deinit {
        meanSquare.deallocate()
        meanGradient.deallocate()
        momentumBuffer.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        let h = hyperparameters
        RMSpropKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart, meanSquare: meanSquare.rawStart,
            meanGradient: meanGradient.rawStart, momentumBuffer: momentumBuffer.rawStart,
            alpha: Scalar(h.alpha), newWeight: Scalar(1 - h.alpha), eps: Scalar(h.eps), weightDecay: Scalar(h.weightDecay),
            centered: h.centered, momentum: Scalar(h.momentum), negativeRate: -learningRate
        ).runFastest(count: parameters.count)
    }
}
