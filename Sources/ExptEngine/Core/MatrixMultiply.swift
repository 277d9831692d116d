internal import CBLAS

/// The engine's one matrix multiply: `c = alpha · op(a) · op(b) + beta · c` over row-major
/// Float32 matrices, where `op(x)` is `x` or its transpose. `op(a)` is m x k, `op(b)` is k x n,
/// `c` is m x n; `lda`, `ldb` and `ldc` are the row strides of the matrices as stored.
///
/// Every layer multiplies through here (transposing by flag, never by copying), so that the
/// BLAS call, and its thread count and determinism, live in a single place.
func gemm(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    cblas_sgemm(
        CblasRowMajor,
        transposeA ? CblasTrans : CblasNoTrans,
        transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k),
        alpha, a, Int32(lda), b, Int32(ldb),
        beta, c, Int32(ldc))
}
