/// A rule whose `Float` loop also exists in C (`CKernels`, `optimizer_step_*.c`), compiled for
/// AVX-512, AVX2 and the x86-64 baseline and chosen at run time. The C loop computes the IEEE
/// operations of `run` in the same order, so it gives the same bits; only its vectors are wider
/// than the Swift code's, which is compiled for the baseline's 128-bit SSE.
protocol CompiledKernel: LaneKernel {
    /// Runs the C loop over elements `0..<count`. Only for `Scalar == Float`.
    func runCompiled(count: Int)
}

extension CompiledKernel {
    /// Runs the kernel over elements `0..<count`: the C loop for `Float`, the `Lanes` loop for
    /// any other scalar.
    @inline(__always)
    func runFastest(count: Int) {
        if Scalar.self == Float.self {
            runCompiled(count: count)
        } else {
            runVectorized(count: count)
        }
    }
}

extension UnsafeRawPointer {
    /// The address as `Float`s, for a C loop (the kernel's `Scalar` is `Float`).
    var floats: UnsafePointer<Float> { assumingMemoryBound(to: Float.self) }
}

extension UnsafeMutableRawPointer {
    /// The address as `Float`s, for a C loop (the kernel's `Scalar` is `Float`).
    var floats: UnsafeMutablePointer<Float> { assumingMemoryBound(to: Float.self) }
}
