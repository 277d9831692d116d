/// One step of a recurrent layer's batch as its ``RecurrentCell`` sees it: the step's blocks of
/// the layer's time-major buffers, `batchSize` rows each, of `width` (gates · units) values for
/// gate blocks and `units` values for states.
struct RecurrentStep {
    /// The step t, from 0.
    let index: Int
    let batchSize: Int
    let units: Int
    /// gates · units.
    let width: Int
    /// The gate pre-activations on entry to the forward step, the activated gates after it.
    let gates: UnsafeMutablePointer<Float>
    /// h(t − 1), or nil (zeros) at the first step.
    let previousHidden: UnsafePointer<Float>?
    /// h(t), which the forward step writes.
    let hidden: UnsafeMutablePointer<Float>
    /// dh(t): the gradient reaching h(t) from later steps and from above.
    let hiddenGradient: UnsafePointer<Float>
    /// The gradients of the gate pre-activations, which the backward step writes.
    let gateGradients: UnsafeMutablePointer<Float>
    /// The gradient reaching h(t − 1), batch x units.
    let carriedGradient: UnsafeMutablePointer<Float>
    /// The instruction set of the run's compute context, which the cell's kernels run with.
    let instructionSet: InstructionSet

    /// This step's block of a cell's own time-major `buffer`, `width` values per example.
    func block(of buffer: FloatBuffer, width: Int) -> UnsafeMutablePointer<Float> {
        buffer.pointer + index * batchSize * width
    }

    /// The previous step's block of a cell's own time-major state `buffer` (`units` values per
    /// example), or nil (zeros) at the first step.
    func previousBlock(of buffer: FloatBuffer) -> UnsafePointer<Float>? {
        index > 0 ? UnsafePointer(buffer.pointer + (index - 1) * batchSize * units) : nil
    }
}
