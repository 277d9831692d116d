import Foundation

/// Adam (Kingma and Ba, 2015) with optional AMSGrad (Reddi et al., 2018): the update rule of
/// `torch.optim.Adam`, including where ε enters and how weight decay is coupled; with
/// `decoupledWeightDecay` it is `torch.optim.AdamW` (Loshchilov and Hutter, 2019).
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ:
///
///     θ ← θ (1 − γ λ)                   (decoupled: AdamW)
///     g ← g + λ θ                       (coupled: Adam)
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     v̂max ← max(v̂max, v)               (AMSGrad only; then v̂max replaces v below)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Bias correction is always on, as in the paper and in PyTorch (mlx defaults it off).
/// The scalar factors are computed in double precision and applied in `Scalar`, as PyTorch
/// does, and the element-wise operations follow the order of torch's kernels (lerp,
/// mul_/addcmul_, addcdiv_). Torch's CPU build fuses some of them into multiply-adds and
/// computes float32 sqrt through MKL, so float32 trajectories agree to a few ulps, not bit for
/// bit (see Tests/ExptOptimTests/ReferenceTrajectoryTests.swift).
public final class Adam<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    public let hyperparameters: AdamHyperparameters
    /// Weight decay shrinks the parameters directly (AdamW) instead of entering the gradient.
    public let decoupledWeightDecay: Bool
    private let firstMoment: UnsafeMutableBufferPointer<Scalar>
    private let secondMoment: UnsafeMutableBufferPointer<Scalar>
    private let maxSecondMoment: UnsafeMutableBufferPointer<Scalar>
    /// Steps taken so far.
    public private(set) var stepCount = 0

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: AdamHyperparameters, decoupledWeightDecay: Bool = false, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        self.decoupledWeightDecay = decoupledWeightDecay
        firstMoment = .filled(parameterCount)
        secondMoment = .filled(parameterCount)
        maxSecondMoment = .filled(hyperparameters.amsgrad ? parameterCount : 0)
    }

    deinit {
        firstMoment.deallocate()
        secondMoment.deallocate()
        maxSecondMoment.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        stepCount += 1
        let h = hyperparameters
        let t = Double(stepCount)
        let lr = Double(learningRate)
        let negativeStepSize = -Scalar(lr / (1 - pow(h.beta1, t)))
        let correction2Root = Scalar((1 - pow(h.beta2, t)).squareRoot())
        AdamKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart,
            firstMoment: firstMoment.rawStart, secondMoment: secondMoment.rawStart, maxSecondMoment: maxSecondMoment.rawStart,
            weightDecay: WeightDecayMode(weightDecay: h.weightDecay, decoupled: decoupledWeightDecay, learningRate: lr),
            amsgrad: h.amsgrad,
            firstWeight: Scalar(1 - h.beta1), beta2: Scalar(h.beta2), secondWeight: Scalar(1 - h.beta2), eps: Scalar(h.eps),
            correction2Root: correction2Root, negativeStepSize: negativeStepSize
        ).runFastest(count: parameters.count)
    }
}
