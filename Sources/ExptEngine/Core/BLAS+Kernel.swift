internal import CBLAS

extension BLAS {
    /// The CPU kernel OpenBLAS chose at load time (e.g. "Haswell", "SkylakeX"), for benchmark
    /// reports. OpenBLAS 0.3.21 (Debian 12) does not know AMD Zen 5 and picks its AVX2 "Haswell"
    /// kernels there; setting `OPENBLAS_CORETYPE=SkylakeX` in the environment before the process
    /// starts selects its AVX-512 kernels (see BENCHMARKS.md).
    public static var kernel: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }
}
