internal import CKernels

/// Long short-term memory, as torch's `LSTM`: gates (i, f, g, o), each of
/// `x W_·ᵀ + b_i· + h W_h·ᵀ + b_h·`, σ the logistic function, ⊙ elementwise,
///
///     i = σ(…),  f = σ(…),  g = tanh(…),  o = σ(…),  c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c'),
///
/// with c zero before the first step. It keeps every step's cell state c, and carries dc back
/// from step to step (dc(t − 1) = dc(t) ⊙ f) beside dh. The elementwise work runs in expt's C
/// kernels (`recurrent_lstm.c`).
struct LSTMCell: RecurrentCell {
    static let gates = 4

    /// Time-major cell states, steps x batch x units.
    let cells: FloatBuffer
    /// The gradient reaching the current step's c, batch x units.
    let cellGradient: FloatBuffer

    init(steps: Int, units: Int, maxBatchSize: Int) {
        cells = FloatBuffer(count: steps * maxBatchSize * units)
        cellGradient = FloatBuffer(count: maxBatchSize * units)
    }

    func forward(_ step: RecurrentStep) {
        Self.forwardKernel(batchSize: step.batchSize, units: step.units, gates: step.gates,
                           previousCells: step.previousBlock(of: cells),
                           cells: step.block(of: cells, width: step.units), hidden: step.hidden, instructionSet: step.instructionSet)
    }

    func beginBackward() {
        cellGradient.fill(0)
    }

    /// Also carries the cell gradient: on exit `cellGradient` holds dc(t − 1) = dc(t) ⊙ f.
    func backward(_ step: RecurrentStep) {
        Self.backwardKernel(batchSize: step.batchSize, units: step.units, gates: step.gates,
                            cells: step.block(of: cells, width: step.units),
                            previousCells: step.previousBlock(of: cells),
                            gradients: step.hiddenGradient, cellGradients: cellGradient.pointer,
                            gateGradients: step.gateGradients, instructionSet: step.instructionSet)
    }

    /// The forward step's kernel (`expt_recurrent_lstm.h` documents each buffer), with the
    /// kernels of `instructionSet`: the run's in training, each of
    /// ``InstructionSet/supported`` in the tests that compare them bit for bit.
    static func forwardKernel(
        batchSize: Int, units: Int, gates: UnsafeMutablePointer<Float>, previousCells: UnsafePointer<Float>?,
        cells: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_lstm_forward(instructionSet.cValue, batchSize, units, gates, previousCells, cells, hidden)
    }

    /// The backward step's kernel, with the kernels of `instructionSet` as `forwardKernel`.
    static func backwardKernel(
        batchSize: Int, units: Int, gates: UnsafePointer<Float>, cells: UnsafePointer<Float>,
        previousCells: UnsafePointer<Float>?, gradients: UnsafePointer<Float>,
        cellGradients: UnsafeMutablePointer<Float>, gateGradients: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_lstm_backward(instructionSet.cValue, batchSize, units, gates, cells, previousCells, gradients,
                           cellGradients, gateGradients)
    }
}
