/// The recurrence of a ``RecurrentLayer``: what one step does between the layer's matrix products.
///
/// A cell has `gates` gate blocks of `units` values each (the weight matrices have
/// gates · units rows, in the cell's gate order). Each step the layer computes the gate
/// pre-activations `a = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh` (batch x gates · units), with h = h(t − 1)
/// and h(0) = 0; the cell turns them into the new hidden state (``forward(_:)``), and the
/// gradient reaching that state into the gradients of the pre-activations (``backward(_:)``).
/// The layer then carries `dA W_hh` back to h(t − 1) and sums the weight gradients.
/// A cell holds the buffers its steps keep beyond the layer's (time-major, for every step of
/// the largest batch).
protocol RecurrentCell {
    /// Gate blocks per unit.
    static var gates: Int { get }

    /// The cell for `steps` steps of `units` units and at most `maxBatchSize` examples.
    init(steps: Int, units: Int, maxBatchSize: Int)

    /// Whether the activated gate is the hidden state itself (one gate, h' = f(a)), so that the
    /// layer keeps no hidden states apart from the gates.
    var hiddenIsTheGate: Bool { get }

    /// For a cell that uses the hidden state's projection apart from the input's (one whose gate
    /// scales part of it), a buffer of batch x gates · units: each step the layer writes
    /// `h W_hhᵀ + b_hh` there and leaves both out of the pre-activations in `step.gates`. Nil
    /// for a cell that takes the sum `a` as it is.
    var hiddenProjection: FloatBuffer? { get }

    /// For a cell whose gradients through `h W_hhᵀ` differ from those through `x W_ihᵀ`, the
    /// time-major buffer (steps x batch x gates · units) its backward steps write them to;
    /// nil when they are the input side's, `step.gateGradients`.
    var hiddenSideGradients: FloatBuffer? { get }

    /// On entry `step.gates` holds the pre-activations; on exit whatever the backward step reads
    /// (the activated gates), and `step.hidden` holds h(t).
    func forward(_ step: RecurrentStep)

    /// Before the first (that is, the last) backward step: clears what the cell carries back
    /// from step to step besides dh.
    func beginBackward()

    /// From dh(t) (`step.hiddenGradient`), writes the pre-activations' gradients to
    /// `step.gateGradients` (and to its ``hiddenSideGradients``).
    func backward(_ step: RecurrentStep)

    /// After the layer has written `dA W_hh` to `step.carriedGradient`: adds the gradient that
    /// reaches h(t − 1) by the cell's other paths (such as a gate that mixes h(t − 1) into h(t)).
    func carry(_ step: RecurrentStep)
}

extension RecurrentCell {
    var hiddenIsTheGate: Bool { false }
    var hiddenProjection: FloatBuffer? { nil }
    var hiddenSideGradients: FloatBuffer? { nil }
    func beginBackward() {}
    func carry(_ step: RecurrentStep) {}
}
