internal import CKernels

/// The recurrent cells' elementwise work for one step's batch, in expt's C kernels
/// (`expt_elementwise.h` documents each buffer); `RecurrentLayer+Cells.swift` has the
/// equations. `instructionSet` chooses the kernels: the run's in training, each of
/// ``InstructionSet/supported`` in the tests that compare them bit for bit. A nil previous
/// state stands for zeros (the first step).
enum RecurrentCellKernels {
    static func gruForward(
        batchSize: Int, units: Int, gates: UnsafeMutablePointer<Float>, projected: UnsafePointer<Float>,
        previous: UnsafePointer<Float>?, candidates: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_gru_forward(instructionSet.cValue, batchSize, units, gates, projected, previous, candidates, hidden)
    }

    static func gruBackward(
        batchSize: Int, units: Int, gates: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        candidates: UnsafePointer<Float>, previous: UnsafePointer<Float>?,
        inputSide: UnsafeMutablePointer<Float>, hiddenSide: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_gru_backward(instructionSet.cValue, batchSize, units, gates, gradients, candidates, previous,
                          inputSide, hiddenSide)
    }

    static func gruCarry(
        batchSize: Int, units: Int, gates: UnsafePointer<Float>, gradients: UnsafePointer<Float>,
        carried: UnsafeMutablePointer<Float>, instructionSet: InstructionSet
    ) {
        expt_gru_carry(instructionSet.cValue, batchSize, units, gates, gradients, carried)
    }

    static func lstmForward(
        batchSize: Int, units: Int, gates: UnsafeMutablePointer<Float>, previousCells: UnsafePointer<Float>?,
        cells: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_lstm_forward(instructionSet.cValue, batchSize, units, gates, previousCells, cells, hidden)
    }

    static func lstmBackward(
        batchSize: Int, units: Int, gates: UnsafePointer<Float>, cells: UnsafePointer<Float>,
        previousCells: UnsafePointer<Float>?, gradients: UnsafePointer<Float>,
        cellGradients: UnsafeMutablePointer<Float>, gateGradients: UnsafeMutablePointer<Float>,
        instructionSet: InstructionSet
    ) {
        expt_lstm_backward(instructionSet.cValue, batchSize, units, gates, cells, previousCells, gradients,
                           cellGradients, gateGradients)
    }
}
