internal import CKernels

/// `gemm` on one thread with the kernels of `instructionSet` (one of
/// ``InstructionSet/supported``), for tests that compare the sets' results bit for bit.
func gemm(
    instructionSet: InstructionSet,
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    precondition(InstructionSet.supported.contains(instructionSet), "\(instructionSet.rawValue) is not supported here")
    expt_sgemm_isa(instructionSet.cValue, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}
