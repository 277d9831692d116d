internal import CBLAS

/// Settings of the BLAS library behind the engine's matrix multiply.
public enum BLAS {
    /// Sets how many threads OpenBLAS uses for every later matrix multiply in this process.
    ///
    /// Results are bit-identical from run to run at a fixed thread count, but not across
    /// thread counts, so a run's thread count belongs to its settings.
    public static func setThreads(_ count: Int) {
        precondition(count > 0, "BLAS needs at least one thread")
        openblas_set_num_threads(Int32(count))
    }
}
