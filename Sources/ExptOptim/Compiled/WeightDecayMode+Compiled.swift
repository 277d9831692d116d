internal import CKernels

extension WeightDecayMode {
    /// The mode and its factors as the C loops take them (in `Float`).
    var compiled: expt_decay {
        switch self {
        case .none: expt_decay(mode: EXPT_DECAY_NONE, coupled_decay: 0, decoupled_factor: 1)
        case .coupled(let decay): expt_decay(mode: EXPT_DECAY_COUPLED, coupled_decay: Float(decay), decoupled_factor: 1)
        case .decoupled(let factor): expt_decay(mode: EXPT_DECAY_DECOUPLED, coupled_decay: 0, decoupled_factor: Float(factor))
        }
    }
}
