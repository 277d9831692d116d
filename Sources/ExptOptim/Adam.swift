import Foundation
internal import CKernels

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
public struct AdamHyperparameters: ElementwiseRule {
    public static let name = "adam"
    public static let summary = "Adam, with bias-corrected first and second moments (torch.optim.Adam)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2), .eps(\.eps), .coupledDecay(\.weightDecay), .amsgrad(\.amsgrad)]
    }

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// L2 penalty added to the gradient (coupled, as torch.optim.Adam). Default 0.
    public var weightDecay: Double = 0
    /// Use the maximum of past second moments (AMSGrad, Reddi et al. 2018). Default false.
    public var amsgrad: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0, amsgrad: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
    }

    public func stateLengths(parameterCount: Int) -> [Int] {
        AdamStep.stateLengths(parameterCount: parameterCount, amsgrad: amsgrad)
    }

    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        AdamStep(beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad, decoupled: false)
            .apply(state, parameters: parameters, gradients: gradients, rate: rate)
    }
}

/// The hyperparameters of AdamW, named and defaulted as in `torch.optim.AdamW`: Adam's, with
/// decoupled weight decay of 0.01 by default.
public struct AdamWHyperparameters: ElementwiseRule {
    public static let name = "adamw"
    public static let summary = "Adam with decoupled weight decay (torch.optim.AdamW)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr), .betas(\.beta1, \.beta2), .eps(\.eps), .decoupledDecay(\.weightDecay), .amsgrad(\.amsgrad)]
    }

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// Decoupled weight decay: θ ← θ (1 − lr · weight_decay) before the Adam step. Default 0.01.
    public var weightDecay: Double = 0.01
    /// Use the maximum of past second moments (AMSGrad). Default false.
    public var amsgrad: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0.01, amsgrad: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
    }

    public func stateLengths(parameterCount: Int) -> [Int] {
        AdamStep.stateLengths(parameterCount: parameterCount, amsgrad: amsgrad)
    }

    public func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                                    gradients: UnsafeBufferPointer<Scalar>, rate: Double) {
        AdamStep(beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad, decoupled: true)
            .apply(state, parameters: parameters, gradients: gradients, rate: rate)
    }
}

extension OptimizerConfig {
    /// Adam with `hyperparameters`.
    public static func adam(_ hyperparameters: AdamHyperparameters) -> Self { Self(hyperparameters) }
    /// AdamW with `hyperparameters`.
    public static func adamw(_ hyperparameters: AdamWHyperparameters) -> Self { Self(hyperparameters) }
}

extension Hyperparameter {
    /// `amsgrad`: use the maximum of past second moments.
    static func amsgrad(_ path: WritableKeyPath<Settings, Bool>) -> Self {
        Self("amsgrad", .flag(path), "Use the maximum of past second moments.")
    }
}

/// One Adam or AdamW step, with the scalar factors of step t: the state is the first moment,
/// the second moment and (AMSGrad) the maximum second moment.
struct AdamStep {
    let beta1: Double
    let beta2: Double
    let eps: Double
    let weightDecay: Double
    let amsgrad: Bool
    let decoupled: Bool

    static func stateLengths(parameterCount: Int, amsgrad: Bool) -> [Int] {
        [parameterCount, parameterCount, amsgrad ? parameterCount : 0]
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func apply<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                            gradients: UnsafeBufferPointer<Scalar>, rate lr: Double) {
        let t = Double(state.stepCount)
        let negativeStepSize = -Scalar(lr / (1 - pow(beta1, t)))
        let correction2Root = Scalar((1 - pow(beta2, t)).squareRoot())
        AdamKernel(
            parameters: parameters.rawStart, gradients: gradients.rawStart,
            firstMoment: state[0], secondMoment: state[1], maxSecondMoment: state[2],
            weightDecay: WeightDecayMode(weightDecay: weightDecay, decoupled: decoupled, learningRate: lr),
            amsgrad: amsgrad,
            firstWeight: Scalar(1 - beta1), beta2: Scalar(beta2), secondWeight: Scalar(1 - beta2), eps: Scalar(eps),
            correction2Root: correction2Root, negativeStepSize: negativeStepSize
        ).runFastest(count: parameters.count)
    }
}

/// Adam's element-wise update (see `AdamHyperparameters`), with the step's scalar factors already computed:
/// one loop per weight decay mode and AMSGrad setting, so that no loop tests an option per element.
struct AdamKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let firstMoment: UnsafeMutableRawPointer
    let secondMoment: UnsafeMutableRawPointer
    let maxSecondMoment: UnsafeMutableRawPointer
    let weightDecay: WeightDecayMode<Scalar>
    let amsgrad: Bool
    let firstWeight: Scalar
    let beta2: Scalar
    let secondWeight: Scalar
    let eps: Scalar
    let correction2Root: Scalar
    let negativeStepSize: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (weightDecay, amsgrad) {
        case (.none, false): loop(L.self, range, coupled: false, decoupled: false, amsgrad: false)
        case (.none, true): loop(L.self, range, coupled: false, decoupled: false, amsgrad: true)
        case (.coupled, false): loop(L.self, range, coupled: true, decoupled: false, amsgrad: false)
        case (.coupled, true): loop(L.self, range, coupled: true, decoupled: false, amsgrad: true)
        case (.decoupled, false): loop(L.self, range, coupled: false, decoupled: true, amsgrad: false)
        case (.decoupled, true): loop(L.self, range, coupled: false, decoupled: true, amsgrad: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, coupled: Bool, decoupled: Bool, amsgrad: Bool) {
        let coupledDecay = L(weightDecay.coupledDecay)
        let decayFactor = L(weightDecay.decoupledFactor)
        let beta2 = L(beta2)
        let secondWeight = L(secondWeight)
        let eps = L(eps)
        let correction2Root = L(correction2Root)
        let negativeStepSize = L(negativeStepSize)
        let firstWeight = L.Scalar(firstWeight)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decoupled { theta = theta * decayFactor }
            if coupled { g = g + coupledDecay * theta }
            let m = L.lerp(L(loadingFrom: firstMoment, at: i), g, firstWeight)
            // torch's mul_(β₂).addcmul_(g, g, value: 1 − β₂), which multiplies left to right.
            let v = beta2 * L(loadingFrom: secondMoment, at: i) + secondWeight * g * g
            m.store(to: firstMoment, at: i)
            v.store(to: secondMoment, at: i)
            var vUsed = v
            if amsgrad {
                vUsed = L.maximum(L(loadingFrom: maxSecondMoment, at: i), v)
                vUsed.store(to: maxSecondMoment, at: i)
            }
            let denominator = vUsed.squareRoot() / correction2Root + eps
            // torch's addcdiv_(m, denominator, value: −stepSize): (value · m) / denominator.
            theta = theta + negativeStepSize * m / denominator
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}

extension AdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adam_factors(
            first_weight: Float(firstWeight), beta2: Float(beta2), second_weight: Float(secondWeight), eps: Float(eps),
            correction2_root: Float(correction2Root), negative_step_size: Float(negativeStepSize))
        expt_adam_step(parameters.floats, gradients.floats, firstMoment.floats, secondMoment.floats, maxSecondMoment.floats,
                       count, weightDecay.compiled, amsgrad, factors)
    }
}
