/// The step equations, as torch's `RNN`, `GRU` and `LSTM` (σ the logistic function, ⊙ elementwise):
///
/// - RNN: `h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)`
/// - GRU, gates (r, z, n):
///   `r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr)`, `z = σ(x W_izᵀ + b_iz + h W_hzᵀ + b_hz)`,
///   `n = tanh(x W_inᵀ + b_in + r ⊙ (h W_hnᵀ + b_hn))`, `h' = (1 − z) ⊙ n + z ⊙ h`
/// - LSTM, gates (i, f, g, o): `i = σ(…)`, `f = σ(…)`, `g = tanh(…)`, `o = σ(…)`, each of
///   `x W_·ᵀ + b_i· + h W_h·ᵀ + b_h·`; `c' = f ⊙ c + i ⊙ g`, `h' = o ⊙ tanh(c')`
///
/// with h and c zero before the first step. On entry to a forward step, `gateValues` holds the
/// step's input projections plus biases; on exit, the activated gates. The elementwise work of
/// each step (the gates, the states and their gradients) runs in expt's C kernels
/// (`RecurrentCellKernels`); the matrix products stay here.
extension RecurrentLayer {
    func elmanForward(step: Int, batchSize: Int) {
        let a = state(gateValues, step: step, batchSize: batchSize)
        if step > 0 { addHiddenProjection(step: step, batchSize: batchSize, into: a) }
        VectorFunction.tanh.apply(a, count: batchSize * units, instructionSet: context.instructionSet)
    }

    func elmanBackward(step: Int, batchSize: Int) {
        let h = state(hidden, step: step, batchSize: batchSize)
        let da = state(gateGradients, step: step, batchSize: batchSize)
        let dh = hiddenGradient.pointer
        for i in 0..<batchSize * units { da[i] = dh[i] * (1 - h[i] * h[i]) }
    }

    func gruForward(step: Int, batchSize: Int) {
        let rows = width
        let gates = state(gateValues, step: step, batchSize: batchSize, width: rows)
        let projected = stepProjection!.pointer
        if step > 0 {
            gemm(transposeA: false, transposeB: true, m: batchSize, n: rows, k: units,
                 alpha: 1, a: state(hidden, step: step - 1, batchSize: batchSize), lda: units,
                 b: hiddenWeights, ldb: units, beta: 0, c: projected, ldc: rows, context: context)
        } else {
            projected.update(repeating: 0, count: batchSize * rows)
        }
        addRowBias(projected, rows: batchSize, columns: rows, bias: hiddenBias, instructionSet: context.instructionSet)
        RecurrentCellKernels.gruForward(
            batchSize: batchSize, units: units, gates: gates, projected: projected, previous: previousHidden(step, batchSize),
            candidates: state(candidateProjections!, step: step, batchSize: batchSize),
            hidden: state(hidden, step: step, batchSize: batchSize), instructionSet: context.instructionSet)
    }

    func gruBackward(step: Int, batchSize: Int) {
        RecurrentCellKernels.gruBackward(
            batchSize: batchSize, units: units, gates: state(gateValues, step: step, batchSize: batchSize, width: width),
            gradients: hiddenGradient.pointer, candidates: state(candidateProjections!, step: step, batchSize: batchSize),
            previous: previousHidden(step, batchSize),
            inputSide: state(gateGradients, step: step, batchSize: batchSize, width: width),
            hiddenSide: state(hiddenGateGradients!, step: step, batchSize: batchSize, width: width),
            instructionSet: context.instructionSet)
    }

    /// The GRU's direct path to h(t − 1): carried += dh ⊙ z.
    func gruCarry(step: Int, batchSize: Int) {
        RecurrentCellKernels.gruCarry(batchSize: batchSize, units: units,
                                      gates: state(gateValues, step: step, batchSize: batchSize, width: width),
                                      gradients: hiddenGradient.pointer, carried: carriedGradient.pointer,
                                      instructionSet: context.instructionSet)
    }

    func lstmForward(step: Int, batchSize: Int) {
        let rows = width
        let gates = state(gateValues, step: step, batchSize: batchSize, width: rows)
        if step > 0 { addHiddenProjection(step: step, batchSize: batchSize, into: gates) }
        RecurrentCellKernels.lstmForward(
            batchSize: batchSize, units: units, gates: gates, previousCells: previousCells(step, batchSize),
            cells: state(cells!, step: step, batchSize: batchSize), hidden: state(hidden, step: step, batchSize: batchSize),
            instructionSet: context.instructionSet)
    }

    /// Also carries the cell gradient: on exit `cellGradient` holds dc(t − 1) = dc(t) ⊙ f.
    func lstmBackward(step: Int, batchSize: Int) {
        RecurrentCellKernels.lstmBackward(
            batchSize: batchSize, units: units, gates: state(gateValues, step: step, batchSize: batchSize, width: width),
            cells: state(cells!, step: step, batchSize: batchSize), previousCells: previousCells(step, batchSize),
            gradients: hiddenGradient.pointer, cellGradients: cellGradient!.pointer,
            gateGradients: state(gateGradients, step: step, batchSize: batchSize, width: width),
            instructionSet: context.instructionSet)
    }

    /// h(t − 1), or nil (zeros) at the first step.
    private func previousHidden(_ step: Int, _ batchSize: Int) -> UnsafePointer<Float>? {
        step > 0 ? UnsafePointer(state(hidden, step: step - 1, batchSize: batchSize)) : nil
    }

    /// LSTM: c(t − 1), or nil (zeros) at the first step.
    private func previousCells(_ step: Int, _ batchSize: Int) -> UnsafePointer<Float>? {
        step > 0 ? UnsafePointer(state(cells!, step: step - 1, batchSize: batchSize)) : nil
    }

    /// a += h(t − 1) W_hhᵀ over the batch (one gemm).
    private func addHiddenProjection(step: Int, batchSize: Int, into a: UnsafeMutablePointer<Float>) {
        gemm(transposeA: false, transposeB: true, m: batchSize, n: width, k: units,
             alpha: 1, a: state(hidden, step: step - 1, batchSize: batchSize), lda: units,
             b: hiddenWeights, ldb: units, beta: 1, c: a, ldc: width, context: context)
    }
}
