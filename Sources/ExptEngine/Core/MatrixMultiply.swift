internal import CKernels

/// Products smaller than this many multiply-adds run on one thread: sharing them out costs
/// more than it saves.
private let smallestSharedProduct = 1 << 18

/// The engine's one matrix multiply: `c = alpha · op(a) · op(b) + beta · c` over row-major
/// Float32 matrices, where `op(x)` is `x` or its transpose. `op(a)` is m x k, `op(b)` is k x n,
/// `c` is m x n; `lda`, `ldb` and `ldc` are the row strides of the matrices as stored.
///
/// Every layer multiplies through here (transposing by flag, never by copying), into expt's
/// own kernel (`expt_sgemm`) with the instruction set of the run's `context`, which gives the
/// same bits on every CPU and for every thread count; with several threads (the context's),
/// the columns of `c` (or its rows, when it has more rows than columns) are shared out between
/// them in blocks of whole tiles.
func gemm(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    context: ComputeContext
) {
    let isa = context.instructionSet.cValue
    guard context.threads > 1, m * n * k >= smallestSharedProduct else {
        expt_sgemm(isa, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        return
    }
    if n >= m {
        // Blocks of whole 32-column tiles, so that no thread computes a partial tile another
        // could have finished.
        context.share((n + 31) / 32) { part, parts in
            let columns = Parallel.block(part, of: parts, splitting: n, inStepsOf: 32)
            let bBlock = transposeB ? b + columns.lowerBound * ldb : b + columns.lowerBound
            expt_sgemm(isa, transposeA, transposeB, m, columns.count, k, alpha, a, lda, bBlock, ldb, beta,
                       c + columns.lowerBound, ldc)
        }
    } else {
        context.share((m + 7) / 8) { part, parts in
            let rows = Parallel.block(part, of: parts, splitting: m, inStepsOf: 8)
            let aBlock = transposeA ? a + rows.lowerBound : a + rows.lowerBound * lda
            expt_sgemm(isa, transposeA, transposeB, rows.count, n, k, alpha, aBlock, lda, b, ldb, beta,
                       c + rows.lowerBound * ldc, ldc)
        }
    }
}

/// `gemm` on the calling thread alone, for work already shared out between threads, with the
/// kernels of `instructionSet` (the run's in training; each of ``InstructionSet/supported`` in
/// the tests that compare them bit for bit).
func gemmOnCallingThread(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    instructionSet: InstructionSet
) {
    expt_sgemm(instructionSet.cValue, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}
