/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and
/// weight decay: the update rule of `torch.optim.SGD`.
///
/// With gradient g, parameters θ, weight decay λ, momentum μ, dampening τ and learning rate γ:
///
///     g ← g + λ θ
///     b ← g                        (first step)
///     b ← μ b + (1 − τ) g          (later steps)
///     g ← g + μ b  if nesterov, else  g ← b      (only when μ ≠ 0)
///     θ ← θ − γ g
///
/// Full-batch gradient descent and mini-batch SGD are this same rule; only the batch size differs.
/// Torch rejects nesterov without momentum or with dampening; this type does not check, so the
/// manifest must. Torch's CPU kernels fuse each `a + α b` into one multiply-add; expt rounds the
/// product and the sum separately (fast without FMA in the baseline x86-64 target), so
/// trajectories agree with torch to a few ulps.
public final class SGD<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: SGDHyperparameters
    private let momentumBuffer: UnsafeMutableBufferPointer<Scalar>
    private var hasMomentum = false

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: SGDHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        momentumBuffer = .filled(hyperparameters.momentum != 0 ? parameterCount : 0)
    }

    deinit {
        momentumBuffer.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        let h = hyperparameters
        SGDKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart, momentumBuffer: momentumBuffer.rawStart,
            weightDecay: Scalar(h.weightDecay), momentum: Scalar(h.momentum), keep: Scalar(1 - h.dampening),
            nesterov: h.nesterov, firstStep: !hasMomentum, learningRate: learningRate
        ).runVectorized(count: parameters.count)
        hasMomentum = true
    }
}
