internal import CKernels

/// Max pooling over 2 x 2 windows with stride 2, the CNNs' usual pool: expt's C kernel
/// (`expt_max_pool_2x2`, vectorised for the CPU's instruction set), which makes the same choice
/// as the general loop (the first maximum, row by row, a strictly greater value replaces) with
/// selects instead of branches (the compared values are data, so branches mispredict).
extension PoolLayer {
    /// Pools the batch's examples, shared out in blocks over the context's threads.
    func maxPool2x2(_ input: UnsafePointer<Float>, batchSize: Int) {
        let isa = context.instructionSet.cValue
        context.share(batchSize) { part, parts in
            let examples = Parallel.block(part, of: parts, splitting: batchSize)
            let first = examples.lowerBound
            expt_max_pool_2x2(isa, input + first * inputSize, examples.count * channels, channels, height, width,
                              output.pointer + first * outputSize, argmax + first * outputSize)
        }
    }
}
