/// How a rule applies weight decay λ in one step: not at all, added to the
/// gradient (g ← g + λθ, torch's default), or decoupled (θ ← θ (1 − γλ) before the update),
/// fused into the update's loop.
enum WeightDecayMode<Scalar: BinaryFloatingPoint> {
    case none
    case coupled(Scalar)
    case decoupled(factor: Scalar)

    /// The mode for weight decay `weightDecay` at learning rate `learningRate`.
    init(weightDecay: Double, decoupled: Bool, learningRate: Double) {
        if decoupled {
            self = weightDecay != 0 ? .decoupled(factor: Scalar(1 - learningRate * weightDecay)) : .none
        } else {
            self.init(coupled: weightDecay)
        }
    }

    /// The mode of a rule that always adds `weightDecay` to the gradient.
    init(coupled weightDecay: Double) {
        self = Scalar(weightDecay) != 0 ? .coupled(Scalar(weightDecay)) : .none
    }

    /// λ added to the gradient, or 0.
    var coupledDecay: Scalar {
        if case .coupled(let decay) = self { decay } else { 0 }
    }

    /// θ's factor before the update, or 1.
    var decoupledFactor: Scalar {
        if case .decoupled(let factor) = self { factor } else { 1 }
    }
}
