import Foundation

/// Adam (Kingma and Ba, 2015) with optional AMSGrad (Reddi et al., 2018): the update rule of
/// `torch.optim.Adam`, including where ε enters and how weight decay is coupled.
///
/// With gradient g, parameters θ, step t (from 1), learning rate γ and weight decay λ:
///
///     g ← g + λ θ
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     v̂max ← max(v̂max, v)               (AMSGrad only; then v̂max replaces v below)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Bias correction is always on, as in the paper and in PyTorch (mlx defaults it off).
/// The scalar factors are computed in double precision and applied in single precision,
/// as PyTorch does for float32 parameters, and the float32 operations follow the order of
/// torch's kernels (lerp, mul_/addcmul_, addcdiv_). Torch's CPU build fuses some of them
/// into multiply-adds and computes sqrt through MKL, so trajectories agree to a few ulps,
/// not bit for bit (see Tests/ExptOptimTests/ReferenceTrajectoryTests.swift).
public final class Adam: Optimizer {
    public let hyperparameters: AdamHyperparameters
    private let firstMoment: UnsafeMutableBufferPointer<Float>
    private let secondMoment: UnsafeMutableBufferPointer<Float>
    private let maxSecondMoment: UnsafeMutableBufferPointer<Float>
    /// Steps taken so far.
    public private(set) var stepCount = 0

    /// A fresh optimizer for `parameterCount` parameters.
    public init(_ hyperparameters: AdamHyperparameters, parameterCount: Int) {
        self.hyperparameters = hyperparameters
        firstMoment = .allocate(capacity: parameterCount)
        secondMoment = .allocate(capacity: parameterCount)
        maxSecondMoment = .allocate(capacity: hyperparameters.amsgrad ? parameterCount : 0)
        firstMoment.initialize(repeating: 0)
        secondMoment.initialize(repeating: 0)
        maxSecondMoment.initialize(repeating: 0)
    }

    deinit {
        firstMoment.deallocate()
        secondMoment.deallocate()
        maxSecondMoment.deallocate()
    }

    public func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        stepCount += 1
        let h = hyperparameters
        let t = Double(stepCount)
        let negativeStepSize = -Float(Double(learningRate) / (1 - pow(h.beta1, t)))
        let correction2Root = Float((1 - pow(h.beta2, t)).squareRoot())
        let weightDecay = Float(h.weightDecay)
        let firstWeight = Float(1 - h.beta1)
        let firstWeightIsSmall = firstWeight < 0.5
        let beta2 = Float(h.beta2)
        let secondWeight = Float(1 - h.beta2)
        let eps = Float(h.eps)
        for i in 0..<parameters.count {
            var g = gradients[i]
            if weightDecay != 0 { g += weightDecay * parameters[i] }
            // torch's lerp(m, g, w): m + w (g − m) for w < 0.5, else g − (g − m)(1 − w).
            let previous = firstMoment[i]
            let m = firstWeightIsSmall ? previous + firstWeight * (g - previous) : g - (g - previous) * (1 - firstWeight)
            // torch's mul_(β₂).addcmul_(g, g, value: 1 − β₂), which multiplies left to right.
            let v = beta2 * secondMoment[i] + secondWeight * g * g
            firstMoment[i] = m
            secondMoment[i] = v
            var vUsed = v
            if h.amsgrad {
                vUsed = max(maxSecondMoment[i], v)
                maxSecondMoment[i] = vUsed
            }
            let denominator = vUsed.squareRoot() / correction2Root + eps
            // torch's addcdiv_(m, denominator, value: −stepSize): (value · m) / denominator.
            parameters[i] += negativeStepSize * m / denominator
        }
    }
}
