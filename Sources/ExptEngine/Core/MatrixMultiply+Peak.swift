extension FloatBuffer {
    /// `c = a · b` for row-major `a` (m x k) and `b` (k x n) into `c` (m x n), through the
    /// engine's one matrix-multiply entry point. For benchmarks that measure the machine's GEMM peak with
    /// exactly the multiply the layers use.
    public static func multiply(_ a: FloatBuffer, _ b: FloatBuffer, into c: FloatBuffer, m: Int, n: Int, k: Int) {
        precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "matrices too small for the shapes")
        gemm(transposeA: false, transposeB: false, m: m, n: n, k: k, alpha: 1,
             a: a.pointer, lda: k, b: b.pointer, ldb: n, beta: 0, c: c.pointer, ldc: n)
    }
}
