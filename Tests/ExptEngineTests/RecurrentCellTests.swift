import Testing
@testable import ExptEngine
import ExptTestSupport

/// One GRU and one LSTM step (2 units, batch 1, a nonzero previous state) through the cells'
/// kernels: forward and backward against the values of `Fixtures/recurrent_cell_steps.py`
/// (torch's equations in double precision), and each backward step against central differences
/// of L = Σ dh ⊙ h' (+ Σ dc ⊙ c' for the LSTM) with respect to every input of the step. And an
/// Elman layer built from its cell type, two steps forward and backward against the same script.
struct RecurrentCellTests {
    /// GRU pre-activations, blocks (r, z, n): the input side x W_ihᵀ + b_ih and the hidden side
    /// h W_hhᵀ + b_hh; the previous state h and the gradient dh reaching h'.
    static let gruInputSide: [Float] = [0.5, -0.3, 0.2, 0.8, -0.6, 0.1]
    static let gruHiddenSide: [Float] = [0.1, 0.4, -0.2, 0.3, 0.7, -0.5]
    static let previousHidden: [Float] = [0.25, -0.75]
    static let hiddenGradient: [Float] = [0.6, -0.4]

    /// The GRU step's outputs: the activated gates, the candidate block, h'.
    static func gruForward(inputSide: [Float], hiddenSide: [Float], previous: [Float])
        -> (gates: [Float], candidates: [Float], hidden: [Float]) {
        var gates = inputSide, candidates: [Float] = [9, 9], hidden: [Float] = [9, 9]
        GRUCell.forwardKernel(batchSize: 1, units: 2, gates: &gates, projected: hiddenSide, previous: previous,
                              candidates: &candidates, hidden: &hidden, instructionSet: .widest)
        return (gates, candidates, hidden)
    }

    @Test func gruStepForwardAndBackward() {
        let (gates, candidates, hidden) = Self.gruForward(inputSide: Self.gruInputSide, hiddenSide: Self.gruHiddenSide,
                                                          previous: Self.previousHidden)
        expectClose(gates, [0.645656306, 0.524979187, 0.5, 0.750260106, -0.146968496, -0.161074473])
        expectClose(candidates, [0.7, -0.5])
        expectClose(hidden, [0.0515157518, -0.602921801])

        var inputSide = [Float](repeating: 9, count: 6), hiddenSide = inputSide, carried: [Float] = [0, 0]
        GRUCell.backwardKernel(batchSize: 1, units: 2, gates: gates, gradients: Self.hiddenGradient, candidates: candidates,
                               previous: Self.previousHidden, inputSide: &inputSide, hiddenSide: &hiddenSide, instructionSet: .widest)
        GRUCell.carryKernel(batchSize: 1, units: 2, gates: gates, gradients: Self.hiddenGradient, carried: &carried, instructionSet: .widest)
        expectClose(inputSide, [0.0470069377, 0.0121326629, 0.0595452745, 0.044138762, 0.293520078, -0.0973041585])
        expectClose(hiddenSide, [0.0470069377, 0.0121326629, 0.0595452745, 0.044138762, 0.18951309, -0.0510826581])
        expectClose(carried, [0.3, -0.300104042])
    }

    /// dL/d(input side) is the input side's gradient, dL/d(hidden side) the hidden side's, and
    /// dL/dh the carry (the path through W_hh is the layer's).
    @Test func gruStepGradientsMatchCentralDifferences() {
        let a = FloatBuffer(Self.gruInputSide), p = FloatBuffer(Self.gruHiddenSide), h = FloatBuffer(Self.previousHidden)
        let loss = { () -> Double in
            let hidden = Self.gruForward(inputSide: a.array, hiddenSide: p.array, previous: h.array).hidden
            return zip(hidden, Self.hiddenGradient).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        let step = Self.gruForward(inputSide: a.array, hiddenSide: p.array, previous: h.array)
        var inputSide = [Float](repeating: 0, count: 6), hiddenSide = inputSide, carried: [Float] = [0, 0]
        GRUCell.backwardKernel(batchSize: 1, units: 2, gates: step.gates, gradients: Self.hiddenGradient,
                               candidates: step.candidates, previous: h.array, inputSide: &inputSide, hiddenSide: &hiddenSide, instructionSet: .widest)
        GRUCell.carryKernel(batchSize: 1, units: 2, gates: step.gates, gradients: Self.hiddenGradient, carried: &carried, instructionSet: .widest)
        for index in 0..<6 {
            expectGradient(inputSide[index], centralDifference(of: a.pointer, at: index, step: 1e-2, loss), "input side \(index)")
            expectGradient(hiddenSide[index], centralDifference(of: p.pointer, at: index, step: 1e-2, loss), "hidden side \(index)")
        }
        for index in 0..<2 {
            expectGradient(carried[index], centralDifference(of: h.pointer, at: index, step: 1e-2, loss), "h \(index)")
        }
    }

    /// LSTM pre-activations, blocks (i, f, g, o); the previous cell state c and the gradient dc
    /// reaching c' from later steps.
    static let lstmPreActivations: [Float] = [0.5, -0.3, 0.2, 0.8, -0.6, 0.1, 0.4, -0.9]
    static let previousCells: [Float] = [0.5, -1.0]
    static let cellGradient: [Float] = [0.3, 0.2]

    static func lstmForward(preActivations: [Float], previousCells: [Float])
        -> (gates: [Float], cells: [Float], hidden: [Float]) {
        var gates = preActivations, cells: [Float] = [9, 9], hidden: [Float] = [9, 9]
        LSTMCell.forwardKernel(batchSize: 1, units: 2, gates: &gates, previousCells: previousCells, cells: &cells,
                               hidden: &hidden, instructionSet: .widest)
        return (gates, cells, hidden)
    }

    @Test func lstmStepForwardAndBackward() {
        let (gates, cells, hidden) = Self.lstmForward(preActivations: Self.lstmPreActivations,
                                                      previousCells: Self.previousCells)
        expectClose(gates, [0.622459331, 0.425557483, 0.549833997, 0.689974481,
                            -0.537049567, 0.0996679946, 0.59868766, 0.289050497])
        expectClose(cells, [-0.0593745156, -0.64756002])
        expectClose(hidden, [-0.0355050772, -0.164766038])

        var cellGradients = Self.cellGradient, gateGradients = [Float](repeating: 9, count: 8)
        LSTMCell.backwardKernel(batchSize: 1, units: 2, gates: gates, cells: cells, previousCells: Self.previousCells,
                                gradients: Self.hiddenGradient, cellGradients: &cellGradients, gateGradients: &gateGradients, instructionSet: .widest)
        expectClose(gateGradients, [-0.0830388778, 0.00297122546, 0.0814266683, -0.0260858836,
                                    0.291424277, 0.0513804124, -0.00854917537, 0.046856133])
        expectClose(cellGradients, [0.361762851, 0.0841410851])
    }

    /// dL/d(pre-activations) is the gate gradient, dL/dc the cell gradient carried back.
    @Test func lstmStepGradientsMatchCentralDifferences() {
        let a = FloatBuffer(Self.lstmPreActivations), c = FloatBuffer(Self.previousCells)
        let loss = { () -> Double in
            let step = Self.lstmForward(preActivations: a.array, previousCells: c.array)
            let fromHidden = zip(step.hidden, Self.hiddenGradient).reduce(0) { $0 + Double($1.0) * Double($1.1) }
            return zip(step.cells, Self.cellGradient).reduce(fromHidden) { $0 + Double($1.0) * Double($1.1) }
        }
        let step = Self.lstmForward(preActivations: a.array, previousCells: c.array)
        var cellGradients = Self.cellGradient, gateGradients = [Float](repeating: 0, count: 8)
        LSTMCell.backwardKernel(batchSize: 1, units: 2, gates: step.gates, cells: step.cells, previousCells: c.array,
                                gradients: Self.hiddenGradient, cellGradients: &cellGradients, gateGradients: &gateGradients, instructionSet: .widest)
        for index in 0..<8 {
            expectGradient(gateGradients[index], centralDifference(of: a.pointer, at: index, step: 1e-2, loss), "gate \(index)")
        }
        for index in 0..<2 {
            expectGradient(cellGradients[index], centralDifference(of: c.pointer, at: index, step: 1e-2, loss), "c \(index)")
        }
    }

    /// `RecurrentLayer(cell: ElmanCell.self, …)`, 2 units over 2 steps of 2 inputs, every state
    /// returned: h(t) = tanh(W_ih x(t) + b_ih + W_hh h(t − 1) + b_hh), and the gradients of
    /// L = Σ dy ⊙ y by backpropagation through time.
    @Test func elmanLayerFromItsCellType() {
        let parameters = FloatBuffer([0.5, -0.4, 0.3, 0.8, -0.6, 0.2, 0.7, 0.1, 0.1, -0.2, 0.05, 0.35])
        let gradients = FloatBuffer(count: 12, value: 9)
        let layer = RecurrentLayer(cell: ElmanCell.self, sequence: [2, 2], units: 2, returns: .sequence,
                                   initializer: .xavier, recurrentInitializer: .orthogonal,
                                   parameters: parameters, gradients: gradients, offset: 0, maxBatchSize: 1, context: ComputeContext())
        let input: [Float] = [1.0, -0.5, 0.25, 2.0]
        layer.forward(input: input, batchSize: 1, training: true)
        expectClose(layer.output.array, [0.69106947, 0.049958375, -0.730430676, 0.980630847])

        layer.outputGradient.pointer.update(from: [0.2, -0.1, 0.4, 0.3], count: 4)
        var inputGradient = [Float](repeating: 9, count: 4)
        layer.backward(input: input, inputGradient: &inputGradient, batchSize: 1)
        expectClose(gradients.array, [0.0968536305, 0.348073558, -0.0585006154, 0.0537068107,
                                      0.128945554, 0.0093216538, 0.00795347885, 0.000574968069,
                                      0.236794939, -0.0498689084, 0.236794939, -0.0498689084])
        expectClose(inputGradient, [0.0066899086, -0.0691848919, 0.0967468882, -0.0654282103])
    }
}
