/// Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms"), the sign of an
/// interpolated momentum. torch.optim has no Lion; this follows the paper's algorithm 2 and,
/// for the order of operations, lucidrains/lion-pytorch (the usual PyTorch port), which
/// applies the decoupled weight decay first.
///
/// With gradient g, parameters θ, learning rate γ, weight decay λ and the momentum m:
///
///     θ ← θ (1 − γ λ)
///     c = β₁ m + (1 − β₁) g
///     θ ← θ − γ sign(c)
///     m ← β₂ m + (1 − β₂) g
///
/// Every coordinate moves by exactly γ (or not at all, where c = 0), so Lion wants a learning
/// rate 3 to 10 times smaller than Adam's, and a weight decay as many times larger.
public final class Lion<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: LionHyperparameters
    private let momentum: UnsafeMutableBufferPointer<Scalar>

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: LionHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        momentum = .filled(parameterCount)
    }

    deinit {
        momentum.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        let h = hyperparameters
        LionKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart, momentum: momentum.rawStart,
            decayFactor: h.weightDecay != 0 ? Scalar(1 - Double(learningRate) * h.weightDecay) : nil,
            beta1: Scalar(h.beta1), interpolationWeight: Scalar(1 - h.beta1),
            beta2: Scalar(h.beta2), decayWeight: Scalar(1 - h.beta2), negativeRate: -learningRate
        ).runFastest(count: parameters.count)
    }
}
