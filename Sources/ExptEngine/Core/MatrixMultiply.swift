import Dispatch
internal import CKernels
import Synchronization

/// The threads of the engine's matrix multiply.
public enum MatrixMultiply {
    private static let threadCount = Atomic<Int>(1)

    /// How many threads every later matrix multiply in this process may use. Results are
    /// bit-identical whatever the count: each thread computes whole elements of the product,
    /// in the same order as one thread would.
    public static var threads: Int {
        get { threadCount.load(ordering: .relaxed) }
        set {
            precondition(newValue > 0, "a matrix multiply needs at least one thread")
            threadCount.store(newValue, ordering: .relaxed)
        }
    }
}

/// Products smaller than this many multiply-adds run on one thread: sharing them out costs
/// more than it saves.
private let smallestSharedProduct = 1 << 21

/// The engine's one matrix multiply: `c = alpha · op(a) · op(b) + beta · c` over row-major
/// Float32 matrices, where `op(x)` is `x` or its transpose. `op(a)` is m x k, `op(b)` is k x n,
/// `c` is m x n; `lda`, `ldb` and `ldc` are the row strides of the matrices as stored.
///
/// Every layer multiplies through here (transposing by flag, never by copying), into expt's
/// own kernel (`expt_sgemm`), which gives the same bits on every CPU and for every thread
/// count; with several threads, the rows or columns of `c` are shared out between them.
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
    let product = SharedProduct(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    DispatchQueue.concurrentPerform(iterations: threads) { part in
        product.compute(part: part, of: threads)
    }
}

/// One product shared out by blocks of columns of `c` (or of rows, when it has more rows than
/// columns), one block per thread, each a product of its own.
private struct SharedProduct: @unchecked Sendable {
    let transposeA: Bool, transposeB: Bool
    let m: Int, n: Int, k: Int
    let alpha: Float
    let a: UnsafePointer<Float>, lda: Int
    let b: UnsafePointer<Float>, ldb: Int
    let beta: Float
    let c: UnsafeMutablePointer<Float>, ldc: Int

    func compute(part: Int, of parts: Int) {
        if n >= m {
            let (start, end) = bounds(of: part, among: parts, splitting: n, inStepsOf: 32)
            guard start < end else { return }
            let bBlock = transposeB ? b + start * ldb : b + start
            expt_sgemm(transposeA, transposeB, m, end - start, k, alpha, a, lda, bBlock, ldb, beta, c + start, ldc)
        } else {
            let (start, end) = bounds(of: part, among: parts, splitting: m, inStepsOf: 8)
            guard start < end else { return }
            let aBlock = transposeA ? a + start : a + start * lda
            expt_sgemm(transposeA, transposeB, end - start, n, k, alpha, aBlock, lda, b, ldb, beta, c + start * ldc, ldc)
        }
    }

    /// Part `part` of `0..<count` cut into `parts` nearly equal blocks whose bounds are
    /// multiples of `step` (the kernels' tile sizes), so that no thread computes a partial tile
    /// another could have finished.
    private func bounds(of part: Int, among parts: Int, splitting count: Int, inStepsOf step: Int) -> (Int, Int) {
        let steps = (count + step - 1) / step
        let start = min(count, (steps * part / parts) * step)
        let end = min(count, (steps * (part + 1) / parts) * step)
        return (start, end)
    }
}
