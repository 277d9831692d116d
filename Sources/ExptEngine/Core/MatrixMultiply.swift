internal import CKernels

/// The threads of a training step's shared work: the matrix multiply, the convolutions and the
/// 2 x 2 pools.
public enum MatrixMultiply {
    /// How many threads the matrix multiplies, convolutions and pools called within a scope may
    /// use: 1 unless the scope is `MatrixMultiply.$threads.withValue(n) { … }`, which the runner
    /// opens around each run. The value belongs to the task (or, outside any task, the thread)
    /// that opened the scope, so runs and tests that train at the same time with different
    /// counts do not see each other's. Results are bit-identical whatever the count: each
    /// thread computes whole elements, in the same order as one thread would.
    @TaskLocal public static var threads = 1
}

/// Products smaller than this many multiply-adds run on one thread: sharing them out costs
/// more than it saves.
private let smallestSharedProduct = 1 << 18

/// The engine's one matrix multiply: `c = alpha · op(a) · op(b) + beta · c` over row-major
/// Float32 matrices, where `op(x)` is `x` or its transpose. `op(a)` is m x k, `op(b)` is k x n,
/// `c` is m x n; `lda`, `ldb` and `ldc` are the row strides of the matrices as stored.
///
/// Every layer multiplies through here (transposing by flag, never by copying), into expt's
/// own kernel (`expt_sgemm`), which gives the same bits on every CPU and for every thread
/// count; with several threads, the columns of `c` (or its rows, when it has more rows than
/// columns) are shared out between them in blocks of whole tiles.
func gemm(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    let threads = MatrixMultiply.threads
    guard threads > 1, m * n * k >= smallestSharedProduct else {
        expt_sgemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        return
    }
    if n >= m {
        // Blocks of whole 32-column tiles, so that no thread computes a partial tile another
        // could have finished.
        Parallel.run(parts: threads) { part, parts in
            let columns = Parallel.block(part, of: parts, splitting: n, inStepsOf: 32)
            guard !columns.isEmpty else { return }
            let bBlock = transposeB ? b + columns.lowerBound * ldb : b + columns.lowerBound
            expt_sgemm(transposeA, transposeB, m, columns.count, k, alpha, a, lda, bBlock, ldb, beta,
                       c + columns.lowerBound, ldc)
        }
    } else {
        Parallel.run(parts: threads) { part, parts in
            let rows = Parallel.block(part, of: parts, splitting: m, inStepsOf: 8)
            guard !rows.isEmpty else { return }
            let aBlock = transposeA ? a + rows.lowerBound : a + rows.lowerBound * lda
            expt_sgemm(transposeA, transposeB, rows.count, n, k, alpha, aBlock, lda, b, ldb, beta,
                       c + rows.lowerBound * ldc, ldc)
        }
    }
}

/// `gemm` on the calling thread alone, for work already shared out between threads, with the
/// kernels of `instructionSet` (the current one in training; each of
/// ``InstructionSet/supported`` in the tests that compare them bit for bit).
func gemmOnCallingThread(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    instructionSet: InstructionSet = .current
) {
    expt_sgemm_isa(instructionSet.cValue, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}
