extension FloatBuffer {
    /// `c = op(a) · op(b)` for row-major matrices (op(a) m x k, op(b) k x n, stored transposed
    /// when asked, with no padding) into `c` (m x n), through the engine's one matrix-multiply
    /// entry point with `context`'s threads and instruction set: for benchmarks that measure
    /// exactly the multiply the layers use.
    public static func multiply(_ a: FloatBuffer, _ b: FloatBuffer, into c: FloatBuffer, m: Int, n: Int, k: Int,
                                transposeA: Bool = false, transposeB: Bool = false, context: ComputeContext) {
        precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "matrices too small for the shapes")
        gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1,
             a: a.pointer, lda: transposeA ? m : k, b: b.pointer, ldb: transposeB ? k : n, beta: 0, c: c.pointer, ldc: n,
             context: context)
    }
}
