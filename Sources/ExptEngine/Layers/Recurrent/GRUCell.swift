internal import CKernels

/// The gated recurrent unit, as torch's `GRU`: gates (r, z, n), σ the logistic function,
/// ⊙ elementwise,
///
///     r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr),  z = σ(x W_izᵀ + b_iz + h W_hzᵀ + b_hz),
///     n = tanh(x W_inᵀ + b_in + r ⊙ (h W_hnᵀ + b_hn)),  h' = (1 − z) ⊙ n + z ⊙ h.
///
/// The reset gate scales the candidate's hidden projection, bias included, so the cell takes
/// `h W_hhᵀ + b_hh` apart (``hiddenProjection``), keeps its n block of every step
/// (`candidates`) and has gradients of its own on the hidden side (dr, dz, dn ⊙ r); h(t − 1)
/// is also reached through z (``carry(_:)``: dh ⊙ z). The elementwise work runs in expt's C
/// kernels (`recurrent_gru.c`).
struct GRUCell: RecurrentCell {
    static let gates = 3

    /// One step's `h W_hhᵀ + b_hh`, batch x 3 units.
    let stepProjection: FloatBuffer
    /// Time-major, steps x batch x units: each step's `h W_hnᵀ + b_hn`, which r scaled.
    let candidates: FloatBuffer
    /// Time-major, steps x batch x 3 units: the gradients through `h W_hhᵀ + b_hh`.
    let hiddenGateGradients: FloatBuffer

    init(steps: Int, units: Int, maxBatchSize: Int) {
        stepProjection = FloatBuffer(count: maxBatchSize * Self.gates * units)
        candidates = FloatBuffer(count: steps * maxBatchSize * units)
        hiddenGateGradients = FloatBuffer(count: steps * maxBatchSize * Self.gates * units)
    }

    var hiddenProjection: FloatBuffer? { stepProjection }
    var hiddenSideGradients: FloatBuffer? { hiddenGateGradients }

    func forward(_ step: RecurrentStep) {
        Self.forwardKernel(batchSize: step.batchSize, units: step.units, gates: step.gates,
                           projected: stepProjection.pointer, previous: step.previousHidden,
                           candidates: step.block(of: candidates, width: step.units), hidden: step.hidden, instructionSet: step.instructionSet)
    }

    func backward(_ step: RecurrentStep) {
        Self.backwardKernel(batchSize: step.batchSize, units: step.units, gates: step.gates,
                            gradients: step.hiddenGradient, candidates: step.block(of: candidates, width: step.units),
                            previous: step.previousHidden, inputSide: step.gateGradients,
                            hiddenSide: step.block(of: hiddenGateGradients, width: step.width),
                            instructionSet: step.instructionSet)
    }

    func carry(_ step: RecurrentStep) {
        Self.carryKernel(batchSize: step.batchSize, units: step.units, gates: step.gates,
                         gradients: step.hiddenGradient, carried: step.carriedGradient,
                         instructionSet: step.instructionSet)
    }

    /// The forward step's kernel (`expt_recurrent_gru.h` documents each buffer), with the
    /// kernels of `instructionSet`: the run's in training, each of
    /// ``InstructionSet/supported`` in the tests that compare them bit for bit.
    static func forwardKernel(
        batchSize: Int, units: Int, gates: UnsafeMutablePointer<Float>, projected: UnsafePointer<Float>,
        previous: UnsafePointer<Float>?, candidates: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_gru_forward(instructionSet.cValue, batchSize, units, gates, projected, previous, candidates, hidden)
    }

    /// The backward step's kernel, with the kernels of `instructionSet` as `forwardKernel`.
    static func backwardKernel(
        batchSize: Int, units: Int, gates: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        candidates: UnsafePointer<Float>, previous: UnsafePointer<Float>?,
        inputSide: UnsafeMutablePointer<Float>, hiddenSide: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_gru_backward(instructionSet.cValue, batchSize, units, gates, gradients, candidates, previous,
                          inputSide, hiddenSide)
    }

    /// The carry's kernel: carried += dh ⊙ z.
    static func carryKernel(
        batchSize: Int, units: Int, gates: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        carried: UnsafeMutablePointer<Float>, instructionSet: InstructionSet
    ) {
        expt_gru_carry(instructionSet.cValue, batchSize, units, gates, gradients, carried)
    }
}
