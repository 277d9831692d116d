import ExptConfig

/// The hyperparameters several optimizers share, with the same key and meaning.
extension Hyperparameter {
    /// `lr`: the base learning rate, which the schedule scales.
    static func learningRate(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("lr", .number(path, .positive), "Learning rate.")
    }

    /// `betas`: the decay rates of the first and second moments.
    static func betas(_ first: WritableKeyPath<Settings, Double>, _ second: WritableKeyPath<Settings, Double>) -> Self {
        Self("betas", .pair(first, second, names: ("beta1", "beta2")), "Decay rates of the first and second moments.")
    }

    /// `eps`: added to the denominator.
    static func eps(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("eps", .number(path, .positive), "Added to the denominator.")
    }

    /// `weight_decay`, always added to the gradient.
    static func coupledDecay(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("weight_decay", .number(path, .nonNegative), "L2 penalty added to the gradient.")
    }

    /// `weight_decay`, always applied to the parameters.
    static func decoupledDecay(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("weight_decay", .number(path, .nonNegative), "Decoupled: shrinks the parameters by lr · weight_decay each step.")
    }

    /// `weight_decay`, coupled unless `decoupled_weight_decay` is set.
    static func switchableDecay(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("weight_decay", .number(path, .nonNegative), "Weight decay, coupled unless decoupled_weight_decay.")
    }

    /// `decoupled_weight_decay`: apply `weight_decay` to the parameters instead of the gradient.
    static func decoupled(_ path: WritableKeyPath<Settings, Bool>) -> Self {
        Self("decoupled_weight_decay", .flag(path), "Shrink the parameters by lr · weight_decay instead.")
    }
}
