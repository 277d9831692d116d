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
/// step's input projections plus biases; on exit, the activated gates.
extension RecurrentLayer {
    func elmanForward(step: Int, batchSize: Int) {
        let a = state(gateValues, step: step, batchSize: batchSize)
        if step > 0 { addHiddenProjection(step: step, batchSize: batchSize, into: a) }
        VectorMath.apply(a, count: batchSize * units, VectorMath.tanh)
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
                 b: hiddenWeights, ldb: units, beta: 0, c: projected, ldc: rows)
        } else {
            projected.update(repeating: 0, count: batchSize * rows)
        }
        addRowBias(projected, rows: batchSize, columns: rows, bias: hiddenBias)
        let candidates = state(candidateProjections!, step: step, batchSize: batchSize)
        let h = state(hidden, step: step, batchSize: batchSize)
        typealias V = VectorLoops
        for example in 0..<batchSize {
            let g = gates + example * rows, p = projected + example * rows
            let candidate = candidates + example * units, newState = h + example * units
            let previous = step > 0 ? state(hidden, step: step - 1, batchSize: batchSize) + example * units : nil
            var j = 0
            while j < units {
                let lanes = min(V.width, units - j)
                let r = VectorMath.sigmoid(V.load(g + j, lanes: lanes) + V.load(p + j, lanes: lanes))
                let z = VectorMath.sigmoid(V.load(g + units + j, lanes: lanes) + V.load(p + units + j, lanes: lanes))
                let hiddenCandidate = V.load(p + 2 * units + j, lanes: lanes)
                let n = VectorMath.tanh(V.load(g + 2 * units + j, lanes: lanes) + r * hiddenCandidate)
                let before = previous.map { V.load($0 + j, lanes: lanes) } ?? V.Vector()
                V.store(r, to: g + j, lanes: lanes)
                V.store(z, to: g + units + j, lanes: lanes)
                V.store(n, to: g + 2 * units + j, lanes: lanes)
                V.store(hiddenCandidate, to: candidate + j, lanes: lanes)
                V.store((1 - z) * n + z * before, to: newState + j, lanes: lanes)
                j += lanes
            }
        }
    }

    func gruBackward(step: Int, batchSize: Int) {
        let rows = width
        let gates = state(gateValues, step: step, batchSize: batchSize, width: rows)
        let inputSide = state(gateGradients, step: step, batchSize: batchSize, width: rows)
        let hiddenSide = state(hiddenGateGradients!, step: step, batchSize: batchSize, width: rows)
        let candidates = state(candidateProjections!, step: step, batchSize: batchSize)
        let dh = hiddenGradient.pointer
        typealias V = VectorLoops
        for example in 0..<batchSize {
            let g = gates + example * rows, di = inputSide + example * rows, dhid = hiddenSide + example * rows
            let gradients = dh + example * units, candidate = candidates + example * units
            let previous = step > 0 ? state(hidden, step: step - 1, batchSize: batchSize) + example * units : nil
            var j = 0
            while j < units {
                let lanes = min(V.width, units - j)
                let (r, z, n) = (V.load(g + j, lanes: lanes), V.load(g + units + j, lanes: lanes),
                                 V.load(g + 2 * units + j, lanes: lanes))
                let gradient = V.load(gradients + j, lanes: lanes)
                let before = previous.map { V.load($0 + j, lanes: lanes) } ?? V.Vector()
                let dn = gradient * (1 - z) * (1 - n * n)
                let dz = gradient * (before - n) * z * (1 - z)
                let dr = dn * V.load(candidate + j, lanes: lanes) * r * (1 - r)
                V.store(dr, to: di + j, lanes: lanes)
                V.store(dz, to: di + units + j, lanes: lanes)
                V.store(dn, to: di + 2 * units + j, lanes: lanes)
                V.store(dr, to: dhid + j, lanes: lanes)
                V.store(dz, to: dhid + units + j, lanes: lanes)
                V.store(dn * r, to: dhid + 2 * units + j, lanes: lanes)
                j += lanes
            }
        }
    }

    /// The GRU's direct path to h(t − 1): carried += dh ⊙ z.
    func gruCarry(step: Int, batchSize: Int) {
        let gates = state(gateValues, step: step, batchSize: batchSize, width: width)
        let dh = hiddenGradient.pointer, carried = carriedGradient.pointer
        for example in 0..<batchSize {
            let z = gates + example * width + units
            for j in 0..<units { carried[example * units + j] += dh[example * units + j] * z[j] }
        }
    }

    func lstmForward(step: Int, batchSize: Int) {
        let rows = width
        let gates = state(gateValues, step: step, batchSize: batchSize, width: rows)
        if step > 0 { addHiddenProjection(step: step, batchSize: batchSize, into: gates) }
        let c = state(cells!, step: step, batchSize: batchSize)
        let h = state(hidden, step: step, batchSize: batchSize)
        typealias V = VectorLoops
        for example in 0..<batchSize {
            let g = gates + example * rows
            let cell = c + example * units, output = h + example * units
            let previous = step > 0 ? state(cells!, step: step - 1, batchSize: batchSize) + example * units : nil
            var j = 0
            while j < units {
                let lanes = min(V.width, units - j)
                let i = VectorMath.sigmoid(V.load(g + j, lanes: lanes))
                let f = VectorMath.sigmoid(V.load(g + units + j, lanes: lanes))
                let candidate = VectorMath.tanh(V.load(g + 2 * units + j, lanes: lanes))
                let o = VectorMath.sigmoid(V.load(g + 3 * units + j, lanes: lanes))
                V.store(i, to: g + j, lanes: lanes)
                V.store(f, to: g + units + j, lanes: lanes)
                V.store(candidate, to: g + 2 * units + j, lanes: lanes)
                V.store(o, to: g + 3 * units + j, lanes: lanes)
                let before = previous.map { V.load($0 + j, lanes: lanes) } ?? V.Vector()
                let newCell = f * before + i * candidate
                V.store(newCell, to: cell + j, lanes: lanes)
                V.store(o * VectorMath.tanh(newCell), to: output + j, lanes: lanes)
                j += lanes
            }
        }
    }

    /// Also carries the cell gradient: on exit `cellGradient` holds dc(t − 1) = dc(t) ⊙ f.
    func lstmBackward(step: Int, batchSize: Int) {
        let rows = width
        let gates = state(gateValues, step: step, batchSize: batchSize, width: rows)
        let da = state(gateGradients, step: step, batchSize: batchSize, width: rows)
        let c = state(cells!, step: step, batchSize: batchSize)
        let dh = hiddenGradient.pointer, dc = cellGradient!.pointer
        typealias V = VectorLoops
        for example in 0..<batchSize {
            let g = gates + example * rows, d = da + example * rows
            let (cell, dhExample, dcExample) = (c + example * units, dh + example * units, dc + example * units)
            let previous = step > 0 ? state(cells!, step: step - 1, batchSize: batchSize) + example * units : nil
            var j = 0
            while j < units {
                let lanes = min(V.width, units - j)
                let (i, f) = (V.load(g + j, lanes: lanes), V.load(g + units + j, lanes: lanes))
                let (candidate, o) = (V.load(g + 2 * units + j, lanes: lanes), V.load(g + 3 * units + j, lanes: lanes))
                let gradient = V.load(dhExample + j, lanes: lanes)
                let tanhCell = VectorMath.tanh(V.load(cell + j, lanes: lanes))
                let cellTotal = V.load(dcExample + j, lanes: lanes) + gradient * o * (1 - tanhCell * tanhCell)
                let before = previous.map { V.load($0 + j, lanes: lanes) } ?? V.Vector()
                V.store(cellTotal * candidate * i * (1 - i), to: d + j, lanes: lanes)
                V.store(cellTotal * before * f * (1 - f), to: d + units + j, lanes: lanes)
                V.store(cellTotal * i * (1 - candidate * candidate), to: d + 2 * units + j, lanes: lanes)
                V.store(gradient * tanhCell * o * (1 - o), to: d + 3 * units + j, lanes: lanes)
                V.store(cellTotal * f, to: dcExample + j, lanes: lanes)
                j += lanes
            }
        }
    }

    /// a += h(t − 1) W_hhᵀ over the batch (one gemm).
    private func addHiddenProjection(step: Int, batchSize: Int, into a: UnsafeMutablePointer<Float>) {
        gemm(transposeA: false, transposeB: true, m: batchSize, n: width, k: units,
             alpha: 1, a: state(hidden, step: step - 1, batchSize: batchSize), lda: units,
             b: hiddenWeights, ldb: units, beta: 1, c: a, ldc: width)
    }
}
