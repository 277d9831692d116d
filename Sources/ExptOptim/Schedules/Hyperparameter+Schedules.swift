import ExptConfig

/// The settings several schedules share, with the same key and meaning.
extension Hyperparameter {
    /// `gamma`: the factor of each decay.
    static func decayFactor(_ value: Value) -> Self {
        Self("gamma", value, "Factor of each decay.")
    }

    /// `eta_min`: the lowest rate.
    static func etaMin(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("eta_min", .number(path, .nonNegative), "The lowest rate.")
    }
}
