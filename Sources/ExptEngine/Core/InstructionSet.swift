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

extension InstructionSet {
    /// Every set this CPU runs: the current one and the narrower ones.
    public static var supported: [InstructionSet] {
        switch current {
        case .avx512: [.avx512, .avx2, .baseline]
        case .avx2: [.avx2, .baseline]
        case .baseline: [.baseline]
        }
    }

    var cValue: expt_isa {
        switch self {
        case .avx512: EXPT_ISA_AVX512
        case .avx2: EXPT_ISA_AVX2_FMA
        case .baseline: EXPT_ISA_BASELINE
        }
    }
}
