internal import CKernels

/// The vector instruction set expt's own C kernels run with on this CPU, chosen at run time.
/// Every choice computes the same bits; only the speed differs.
public enum InstructionSet: String, Sendable {
    case avx512 = "AVX-512"
    case avx2 = "AVX2+FMA"
    case baseline = "baseline"

    /// The set in use in this process.
    public static var current: InstructionSet {
        switch expt_cpu_isa() {
        case EXPT_ISA_AVX512: .avx512
        case EXPT_ISA_AVX2_FMA: .avx2
        default: .baseline
        }
    }
}
