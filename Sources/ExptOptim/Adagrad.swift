/// Adagrad (Duchi, Hazan and Singer, 2011): the update rule of `torch.optim.Adagrad`.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ, rate decay η, weight decay λ
/// and the sum of squared gradients s (starting at `initial_accumulator_value`):
///
///     g ← g + λ θ
///     s ← s + g²
///     θ ← θ − γ / (1 + (t − 1) η) · g / (√s + ε)
///
/// The float operations follow torch's kernels: addcmul_ for s, then addcdiv_ with the
/// negative rate, which multiplies before it divides.
public final class Adagrad<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: AdagradHyperparameters
    private let sumOfSquares: UnsafeMutableBufferPointer<Scalar>
    /// Steps taken so far.
    public private(set) var stepCount = 0

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: AdagradHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        sumOfSquares = .filled(parameterCount, with: Scalar(hyperparameters.initialAccumulatorValue))
    }

    deinit {
        sumOfSquares.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        stepCount += 1
        let h = hyperparameters
        let negativeRate = -Scalar(Double(learningRate) / (1 + Double(stepCount - 1) * h.lrDecay))
        AdagradKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart, sumOfSquares: sumOfSquares.rawStart,
            weightDecay: Scalar(h.weightDecay), eps: Scalar(h.eps), negativeRate: negativeRate
        ).runFastest(count: parameters.count)
    }
}
