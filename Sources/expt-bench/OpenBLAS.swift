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

    /// `c = a · b` for row-major `a` (m x k) and `b` (k x n) into `c` (m x n).
    static func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
                         m: Int, n: Int, k: Int) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                    1, a, Int32(k), b, Int32(n), 0, c, Int32(n))
    }
}
