import Foundation

/// Adamax (Kingma and Ba, 2015, section 7.1), Adam with the infinity norm: the update rule of
/// `torch.optim.Adamax`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ, weight decay λ, the first
/// moment m and the exponentially weighted infinity norm u:
///
///     g ← g + λ θ
///     m ← β₁ m + (1 − β₁) g
///     u ← max(β₂ u, |g| + ε)
///     θ ← θ − γ / (1 − β₁ᵗ) · m / u
///
/// ε is added to |g| inside the maximum, as torch does, not to the denominator.
public final class Adamax<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: AdamaxHyperparameters
    private let firstMoment: UnsafeMutableBufferPointer<Scalar>
    private let infinityNorm: UnsafeMutableBufferPointer<Scalar>
    /// Steps taken so far.
    public private(set) var stepCount = 0

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: AdamaxHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        firstMoment = .filled(parameterCount)
        infinityNorm = .filled(parameterCount)
    }

    deinit {
        firstMoment.deallocate()
        infinityNorm.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        stepCount += 1
        let h = hyperparameters
        let negativeStepSize = -Scalar(Double(learningRate) / (1 - pow(h.beta1, Double(stepCount))))
        AdamaxKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart,
            firstMoment: firstMoment.rawStart, infinityNorm: infinityNorm.rawStart,
            weightDecay: Scalar(h.weightDecay), firstWeight: Scalar(1 - h.beta1), beta2: Scalar(h.beta2), eps: Scalar(h.eps),
            negativeStepSize: negativeStepSize
        ).runFastest(count: parameters.count)
    }
}
