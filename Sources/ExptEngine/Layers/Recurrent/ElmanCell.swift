/// The Elman recurrence (`rnn`), as torch's `RNN` with tanh: one gate, the hidden state itself,
///
///     h' = tanh(a),  a = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh,
///
/// so `da = dh' ⊙ (1 − h'²)`. It keeps nothing beyond the layer's buffers.
struct ElmanCell: RecurrentCell {
    static let gates = 1

    init(steps: Int, units: Int, maxBatchSize: Int) {}

    var hiddenIsTheGate: Bool { true }

    func forward(_ step: RecurrentStep) {
        VectorFunction.tanh.apply(step.gates, count: step.batchSize * step.units, instructionSet: step.instructionSet)
    }

    func backward(_ step: RecurrentStep) {
        let h = step.hidden, dh = step.hiddenGradient, da = step.gateGradients
        for i in 0..<step.batchSize * step.units { da[i] = dh[i] * (1 - h[i] * h[i]) }
    }
}
