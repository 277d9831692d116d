import ExptConfig

/// An optimizer is no chain unless it says which: every built-in element-wise optimizer does
/// (its `chain`, built here the one way), and a test runs each against its chain bit for bit.
extension OptimizerKind {
    public var chain: ChainSettings? { nil }
}

extension ChainSettings {
    /// A built-in optimizer's chain: `add_l2: λ` before `rule` for a coupled decay λ ≠ 0,
    /// `add_decayed_weights: λ` after it for a decoupled one, then the step at `lr`.
    static func builtIn(_ rule: [any Transformation], lr: Double, coupledDecay: Double = 0, decoupledDecay: Double = 0) -> ChainSettings {
        let before: [any Transformation] = coupledDecay != 0 ? [AddL2(weightDecay: coupledDecay)] : []
        let after: [any Transformation] = decoupledDecay != 0 ? [AddDecayedWeights(weightDecay: decoupledDecay)] : []
        return ChainSettings(before + rule + after + [ScaleByLearningRate()], lr: lr)
    }
}

extension ChainSettings {
    /// A chain is its own chain.
    public var chain: ChainSettings? { self }
}
