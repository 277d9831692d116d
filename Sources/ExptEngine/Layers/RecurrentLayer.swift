/// A recurrent layer (Elman RNN, GRU or LSTM) over sequences `[steps, features]`, trained by
/// backpropagation through time.
///
/// Parameters, in torch's order and layout: `W_ih` (gates·units x features), `W_hh`
/// (gates·units x units), `b_ih`, `b_hh` (gates·units each), gate blocks in torch's order
/// (GRU: r, z, n; LSTM: i, f, g, o). The step equations are in `RecurrentLayer+Cells.swift`.
///
/// Lowering: the input projections of every step and example are one `gemm`
/// (`X W_ihᵀ`, (batch·steps) x (gates·units)); each step then adds `h W_hhᵀ` with one `gemm`
/// over the batch. Internally states are time-major (`[step][example][…]`), so that a step's
/// batch is one contiguous block and the hidden-to-hidden weight gradient over all steps is one
/// `gemm` too; the input-side gradients are reordered to example-major and also take one `gemm` each.
final class RecurrentLayer: Layer {
    let cell: RecurrentSpec.Cell
    let returns: RecurrentSpec.Output
    let steps: Int, features: Int, units: Int
    let initializer: Initializer, recurrentInitializer: Initializer
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    var inputSize: Int { steps * features }
    var outputSize: Int { returns == .last ? units : steps * units }
    /// gates · units: the width of a step's gate block.
    var width: Int { cell.gates * units }

    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    let inputWeights: UnsafeMutablePointer<Float>
    let hiddenWeights: UnsafeMutablePointer<Float>
    let inputBias: UnsafeMutablePointer<Float>
    let hiddenBias: UnsafeMutablePointer<Float>
    private let inputWeightGradient: UnsafeMutablePointer<Float>
    private let hiddenWeightGradient: UnsafeMutablePointer<Float>
    private let inputBiasGradient: UnsafeMutablePointer<Float>
    private let hiddenBiasGradient: UnsafeMutablePointer<Float>

    /// Time-major: the activated gates of every step (RNN: the hidden states themselves).
    let gateValues: FloatBuffer
    /// Time-major hidden states, steps x batch x units.
    let hidden: FloatBuffer
    /// LSTM: time-major cell states.
    let cells: FloatBuffer?
    /// GRU: time-major `h W_hnᵀ + b_hn`, which the reset gate scales.
    let candidateProjections: FloatBuffer?
    /// Example-major scratch, batch x steps x width: the input projections, then the gate gradients.
    let projection: FloatBuffer
    /// Time-major gradients of the gate pre-activations (input side).
    let gateGradients: FloatBuffer
    /// GRU: the same on the hidden side, where the candidate's gradient is scaled by r.
    let hiddenGateGradients: FloatBuffer?
    /// GRU: one step's `h W_hhᵀ + b_hh`, batch x width.
    let stepProjection: FloatBuffer?
    /// Per step, batch x units: the gradient reaching h (and c) from later steps and from above.
    let hiddenGradient: FloatBuffer
    let carriedGradient: FloatBuffer
    let cellGradient: FloatBuffer?
    /// The threads and instruction set of its products and cell kernels.
    let context: ComputeContext

    static func parameterCount(cell: RecurrentSpec.Cell, features: Int, units: Int) -> Int {
        let rows = cell.gates * units
        return rows * features + rows * units + 2 * rows
    }

    /// For sequences of shape `[steps, features]`, with parameters from `offset` on, computing with `context`.
    init(sequence: [Int], spec: RecurrentSpec, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int,
         context: ComputeContext) {
        precondition(sequence.count == 2, "a recurrent layer's input is [steps, features]")
        (steps, features) = (sequence[0], sequence[1])
        (cell, returns, units) = (spec.cell, spec.output, spec.units)
        (initializer, recurrentInitializer) = (spec.initializer, spec.recurrentInitializer)
        precondition(offset + Self.parameterCount(cell: cell, features: features, units: units) <= parameters.count,
                     "layer parameters out of bounds")
        self.parameters = parameters
        self.gradients = gradients
        let rows = spec.cell.gates * units
        inputWeights = parameters.pointer + offset
        hiddenWeights = inputWeights + rows * features
        inputBias = hiddenWeights + rows * units
        hiddenBias = inputBias + rows
        inputWeightGradient = gradients.pointer + offset
        hiddenWeightGradient = inputWeightGradient + rows * features
        inputBiasGradient = hiddenWeightGradient + rows * units
        hiddenBiasGradient = inputBiasGradient + rows

        let states = steps * maxBatchSize * units
        gateValues = FloatBuffer(count: steps * maxBatchSize * rows)
        hidden = cell == .rnn ? gateValues : FloatBuffer(count: states)
        cells = cell == .lstm ? FloatBuffer(count: states) : nil
        candidateProjections = cell == .gru ? FloatBuffer(count: states) : nil
        projection = FloatBuffer(count: steps * maxBatchSize * rows)
        gateGradients = FloatBuffer(count: steps * maxBatchSize * rows)
        hiddenGateGradients = cell == .gru ? FloatBuffer(count: steps * maxBatchSize * rows) : nil
        stepProjection = cell == .gru ? FloatBuffer(count: maxBatchSize * rows) : nil
        hiddenGradient = FloatBuffer(count: maxBatchSize * units)
        carriedGradient = FloatBuffer(count: maxBatchSize * units)
        cellGradient = cell == .lstm ? FloatBuffer(count: maxBatchSize * units) : nil
        let outputs = maxBatchSize * (spec.output == .last ? units : steps * units)
        output = FloatBuffer(count: outputs)
        outputGradient = FloatBuffer(count: outputs)
        self.context = context
    }

    /// Each gate's block drawn on its own: `W_ih` blocks (units x features; fanIn = features,
    /// fanOut = units) with `initializer`, then `W_hh` blocks (units x units) with
    /// `recurrentInitializer`; biases zero.
    func initialize(generator: inout SeededGenerator) {
        for gate in 0..<cell.gates {
            initializer.fill(inputWeights + gate * units * features, rows: units, columns: features,
                             fanIn: features, fanOut: units, generator: &generator)
        }
        for gate in 0..<cell.gates {
            recurrentInitializer.fill(hiddenWeights + gate * units * units, rows: units, columns: units,
                                      fanIn: units, fanOut: units, generator: &generator)
        }
        inputBias.update(repeating: 0, count: 2 * width)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let rows = width
        // All steps' input projections at once: (batch·steps) x width.
        gemm(transposeA: false, transposeB: true, m: batchSize * steps, n: rows, k: features,
             alpha: 1, a: input, lda: features, b: inputWeights, ldb: features,
             beta: 0, c: projection.pointer, ldc: rows, context: context)
        reorderToTimeMajor(batchSize: batchSize)
        for step in 0..<steps {
            switch cell {
            case .rnn: elmanForward(step: step, batchSize: batchSize)
            case .gru: gruForward(step: step, batchSize: batchSize)
            case .lstm: lstmForward(step: step, batchSize: batchSize)
            }
        }
        switch returns {
        case .last:
            output.pointer.update(from: state(hidden, step: steps - 1, batchSize: batchSize), count: batchSize * units)
        case .sequence:
            for step in 0..<steps {
                for example in 0..<batchSize {
                    (output.pointer + (example * steps + step) * units)
                        .update(from: state(hidden, step: step, batchSize: batchSize) + example * units, count: units)
                }
            }
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let rows = width
        carriedGradient.fill(0)
        cellGradient?.fill(0)
        for step in stride(from: steps - 1, through: 0, by: -1) {
            gatherHiddenGradient(step: step, batchSize: batchSize)
            switch cell {
            case .rnn: elmanBackward(step: step, batchSize: batchSize)
            case .gru: gruBackward(step: step, batchSize: batchSize)
            case .lstm: lstmBackward(step: step, batchSize: batchSize)
            }
            guard step > 0 else { continue }
            // dh_{t−1} = dA_hidden · W_hh (+ the GRU's direct path, added by gruCarry).
            gemm(transposeA: false, transposeB: false, m: batchSize, n: units, k: rows,
                 alpha: 1, a: state(hiddenSideGradients, step: step, batchSize: batchSize, width: rows), lda: rows,
                 b: hiddenWeights, ldb: units, beta: 0, c: carriedGradient.pointer, ldc: units, context: context)
            if cell == .gru { gruCarry(step: step, batchSize: batchSize) }
        }
        let all = steps * batchSize
        columnSums(gateGradients.pointer, rows: all, columns: rows, into: inputBiasGradient)
        columnSums(hiddenSideGradients.pointer, rows: all, columns: rows, into: hiddenBiasGradient)
        // dW_hh = Σ_{t ≥ 1} dA_hidden(t)ᵀ h(t − 1): one gemm over the time-major blocks.
        if steps > 1 {
            gemm(transposeA: true, transposeB: false, m: rows, n: units, k: (steps - 1) * batchSize,
                 alpha: 1, a: hiddenSideGradients.pointer + batchSize * rows, lda: rows,
                 b: hidden.pointer, ldb: units, beta: 0, c: hiddenWeightGradient, ldc: units, context: context)
        } else {
            hiddenWeightGradient.update(repeating: 0, count: rows * units)
        }
        // The input side, example-major: dW_ih = dAᵀ X, dX = dA W_ih.
        for step in 0..<steps {
            for example in 0..<batchSize {
                (projection.pointer + (example * steps + step) * rows)
                    .update(from: gateGradients.pointer + (step * batchSize + example) * rows, count: rows)
            }
        }
        gemm(transposeA: true, transposeB: false, m: rows, n: features, k: all,
             alpha: 1, a: projection.pointer, lda: rows, b: input, ldb: features,
             beta: 0, c: inputWeightGradient, ldc: features, context: context)
        if let inputGradient {
            gemm(transposeA: false, transposeB: false, m: all, n: features, k: rows,
                 alpha: 1, a: projection.pointer, lda: rows, b: inputWeights, ldb: features,
                 beta: 0, c: inputGradient, ldc: features, context: context)
        }
    }

    /// The gate gradients through which h(t − 1) is reached: the GRU's own, the input side's otherwise.
    private var hiddenSideGradients: FloatBuffer {
        hiddenGateGradients ?? gateGradients
    }

    /// hiddenGradient = carried gradient + the gradient of this step's output from above.
    private func gatherHiddenGradient(step: Int, batchSize: Int) {
        let dh = hiddenGradient.pointer, carried = carriedGradient.pointer
        switch returns {
        case .last:
            if step == steps - 1 {
                for i in 0..<batchSize * units { dh[i] = carried[i] + outputGradient[i] }
            } else {
                dh.update(from: carried, count: batchSize * units)
            }
        case .sequence:
            for example in 0..<batchSize {
                let above = outputGradient.pointer + (example * steps + step) * units
                for j in 0..<units { dh[example * units + j] = carried[example * units + j] + above[j] }
            }
        }
    }

    /// The block of `buffer` (time-major, `width` values per example, units by default) for `step`.
    @inline(__always)
    func state(_ buffer: FloatBuffer, step: Int, batchSize: Int, width: Int? = nil) -> UnsafeMutablePointer<Float> {
        buffer.pointer + step * batchSize * (width ?? units)
    }
}
