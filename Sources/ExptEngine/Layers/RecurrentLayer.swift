/// A recurrent layer over sequences `[steps, features]`, trained by backpropagation through
/// time; its ``RecurrentCell`` (Sources/ExptEngine/Layers/Recurrent) holds the step equations.
///
/// Parameters, in torch's order and layout: `W_ih` (gates·units x features), `W_hh`
/// (gates·units x units), `b_ih`, `b_hh` (gates·units each), gate blocks in the cell's order.
///
/// Lowering: the input projections of every step and example are one `gemm`
/// (`X W_ihᵀ`, (batch·steps) x (gates·units)); each step then adds `h W_hhᵀ` with one `gemm`
/// over the batch (into the cell's own ``RecurrentCell/hiddenProjection``, with `b_hh`, if it
/// has one), and the cell does the step's elementwise work. Internally states are time-major
/// (`[step][example][…]`), so that a step's batch is one contiguous block and the
/// hidden-to-hidden weight gradient over all steps is one `gemm` too; the input-side gradients
/// are reordered to example-major and also take one `gemm` each.
final class RecurrentLayer: Layer {
    let cell: any RecurrentCell
    /// Gate blocks per unit.
    let gates: Int
    let returns: RecurrentSpec.Output
    let steps: Int, features: Int, units: Int
    let initializer: Initializer, recurrentInitializer: Initializer
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    var inputSize: Int { steps * features }
    var outputSize: Int { returns == .last ? units : steps * units }
    /// gates · units: the width of a step's gate block.
    var width: Int { gates * units }

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

    /// Time-major: the activated gates of every step.
    let gateValues: FloatBuffer
    /// Time-major hidden states, steps x batch x units (`gateValues` when the cell's hidden
    /// state is its gate).
    let hidden: FloatBuffer
    /// Example-major scratch, batch x steps x width: the input projections, then the gate gradients.
    let projection: FloatBuffer
    /// Time-major gradients of the gate pre-activations (input side).
    let gateGradients: FloatBuffer
    /// Per step, batch x units: the gradient reaching h from later steps and from above.
    let hiddenGradient: FloatBuffer
    let carriedGradient: FloatBuffer
    /// The threads and instruction set of its products and cell kernels.
    let context: ComputeContext

    static func parameterCount(gates: Int, features: Int, units: Int) -> Int {
        let rows = gates * units
        return rows * features + rows * units + 2 * rows
    }

    /// A layer of `cell`s for sequences of shape `[steps, features]`, with parameters from `offset`
    /// on, computing with `context`.
    init(cell: any RecurrentCell.Type, sequence: [Int], units: Int, returns: RecurrentSpec.Output,
         initializer: Initializer, recurrentInitializer: Initializer,
         parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int, context: ComputeContext) {
        precondition(sequence.count == 2, "a recurrent layer's input is [steps, features]")
        (steps, features) = (sequence[0], sequence[1])
        (gates, self.returns, self.units) = (cell.gates, returns, units)
        (self.initializer, self.recurrentInitializer) = (initializer, recurrentInitializer)
        precondition(offset + Self.parameterCount(gates: gates, features: features, units: units) <= parameters.count,
                     "layer parameters out of bounds")
        self.parameters = parameters
        self.gradients = gradients
        let rows = gates * units
        inputWeights = parameters.pointer + offset
        hiddenWeights = inputWeights + rows * features
        inputBias = hiddenWeights + rows * units
        hiddenBias = inputBias + rows
        inputWeightGradient = gradients.pointer + offset
        hiddenWeightGradient = inputWeightGradient + rows * features
        inputBiasGradient = hiddenWeightGradient + rows * units
        hiddenBiasGradient = inputBiasGradient + rows

        self.cell = cell.init(steps: steps, units: units, maxBatchSize: maxBatchSize)
        gateValues = FloatBuffer(count: steps * maxBatchSize * rows)
        hidden = self.cell.hiddenIsTheGate ? gateValues : FloatBuffer(count: steps * maxBatchSize * units)
        projection = FloatBuffer(count: steps * maxBatchSize * rows)
        gateGradients = FloatBuffer(count: steps * maxBatchSize * rows)
        hiddenGradient = FloatBuffer(count: maxBatchSize * units)
        carriedGradient = FloatBuffer(count: maxBatchSize * units)
        let outputs = maxBatchSize * (returns == .last ? units : steps * units)
        output = FloatBuffer(count: outputs)
        outputGradient = FloatBuffer(count: outputs)
        self.context = context
    }

    /// Each gate's block drawn on its own: `W_ih` blocks (units x features; fanIn = features,
    /// fanOut = units) with `initializer`, then `W_hh` blocks (units x units) with
    /// `recurrentInitializer`; biases zero.
    func initialize(generator: inout SeededGenerator) {
        for gate in 0..<gates {
            initializer.fill(inputWeights + gate * units * features, rows: units, columns: features,
                             fanIn: features, fanOut: units, generator: &generator)
        }
        for gate in 0..<gates {
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
            let view = self.step(step, batchSize: batchSize)
            if let projected = cell.hiddenProjection {
                projectHidden(step: step, batchSize: batchSize, into: projected.pointer)
            } else if step > 0 {
                addHiddenProjection(step: step, batchSize: batchSize, into: view.gates)
            }
            cell.forward(view)
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
        cell.beginBackward()
        for step in stride(from: steps - 1, through: 0, by: -1) {
            gatherHiddenGradient(step: step, batchSize: batchSize)
            let view = self.step(step, batchSize: batchSize)
            cell.backward(view)
            guard step > 0 else { continue }
            // dh_{t−1} = dA_hidden · W_hh (+ the cell's other paths, added by its carry).
            gemm(transposeA: false, transposeB: false, m: batchSize, n: units, k: rows,
                 alpha: 1, a: state(hiddenSideGradients, step: step, batchSize: batchSize, width: rows), lda: rows,
                 b: hiddenWeights, ldb: units, beta: 0, c: carriedGradient.pointer, ldc: units, context: context)
            cell.carry(view)
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

    /// The gate gradients through which h(t − 1) is reached: the cell's own, the input side's otherwise.
    private var hiddenSideGradients: FloatBuffer {
        cell.hiddenSideGradients ?? gateGradients
    }

    /// Step `step`'s blocks of the time-major buffers, as the cell sees them.
    private func step(_ step: Int, batchSize: Int) -> RecurrentStep {
        RecurrentStep(
            index: step, batchSize: batchSize, units: units, width: width,
            gates: state(gateValues, step: step, batchSize: batchSize, width: width),
            previousHidden: step > 0 ? UnsafePointer(state(hidden, step: step - 1, batchSize: batchSize)) : nil,
            hidden: state(hidden, step: step, batchSize: batchSize), hiddenGradient: hiddenGradient.pointer,
            gateGradients: state(gateGradients, step: step, batchSize: batchSize, width: width),
            carriedGradient: carriedGradient.pointer, instructionSet: context.instructionSet)
    }

    /// projected = h(t − 1) W_hhᵀ + b_hh over the batch (one gemm; b_hh alone at the first step).
    private func projectHidden(step: Int, batchSize: Int, into projected: UnsafeMutablePointer<Float>) {
        let rows = width
        if step > 0 {
            gemm(transposeA: false, transposeB: true, m: batchSize, n: rows, k: units,
                 alpha: 1, a: state(hidden, step: step - 1, batchSize: batchSize), lda: units,
                 b: hiddenWeights, ldb: units, beta: 0, c: projected, ldc: rows, context: context)
        } else {
            projected.update(repeating: 0, count: batchSize * rows)
        }
        addRowBias(projected, rows: batchSize, columns: rows, bias: hiddenBias, instructionSet: context.instructionSet)
    }

    /// a += h(t − 1) W_hhᵀ over the batch (one gemm).
    private func addHiddenProjection(step: Int, batchSize: Int, into a: UnsafeMutablePointer<Float>) {
        gemm(transposeA: false, transposeB: true, m: batchSize, n: width, k: units,
             alpha: 1, a: state(hidden, step: step - 1, batchSize: batchSize), lda: units,
             b: hiddenWeights, ldb: units, beta: 1, c: a, ldc: width, context: context)
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
