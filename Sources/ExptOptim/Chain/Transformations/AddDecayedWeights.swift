import ExptConfig

/// `add_decayed_weights`: decoupled weight decay (Loshchilov and Hutter 2019), u ← u + λθ after
/// the rule, so that the learning rate scales it: `[scale_by_adam, add_decayed_weights: λ,
/// scale_by_learning_rate]` is AdamW. When only scalings follow it, the chain applies it as
/// torch does, θ ← θ (1 − γλ) before the step (the same number in exact arithmetic).
public struct AddDecayedWeights: Transformation {
    public static let name = "add_decayed_weights"
    public static let summary = "Decoupled weight decay, u + λθ after the rule (AdamW's θ (1 − γλ))."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "The decay's factor λ.")]
    }

    public var weightDecay = 0.0

    public init() {}

    public init(weightDecay: Double) {
        self.weightDecay = weightDecay
    }

    public var action: TransformationAction { .decoupledDecay(weightDecay) }
}
