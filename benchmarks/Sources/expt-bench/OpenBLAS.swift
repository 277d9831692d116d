internal import CBLAS

/// OpenBLAS, measured beside expt's own matrix multiply as a reference.
enum OpenBLAS {
    /// The CPU kernel OpenBLAS chose at load time (e.g. "Haswell", "SkylakeX"). OpenBLAS 0.3.21
    /// (Debian 12) does not know AMD Zen 5 and picks its AVX2 "Haswell" kernels there;
    /// `OPENBLAS_CORETYPE=SkylakeX` in the environment selects its AVX-512 kernels.
    static var kernel: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    static func setThreads(_ count: Int) {
        openblas_set_num_threads(Int32(count))
    }

    /// `c = op(a) · op(b)` for row-major op(a) (m x k) and op(b) (k x n) into `c` (m x n).
    static func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
                         m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
                    0, c, Int32(n))
    }
}
