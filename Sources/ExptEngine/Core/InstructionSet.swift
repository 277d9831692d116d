internal import CKernels

/// The vector instruction set expt's own C kernels run with on this CPU, chosen at run time.
/// Every choice computes the same bits; only the speed differs.
public enum InstructionSet: String, Sendable {
    case avx512 = "AVX-512"
    case avx2 = "AVX2+FMA"
    case baseline = "baseline"

    /// The widest set this CPU runs, capped by the environment variable EXPT_ISA (baseline,
    /// avx2 or avx512) when it is set: what a run's ``ComputeContext`` uses unless told otherwise.
    public static var widest: InstructionSet {
        switch expt_cpu_isa() {
        case EXPT_ISA_AVX512: .avx512
        case EXPT_ISA_AVX2_FMA: .avx2
        default: .baseline
        }
    }
}

extension InstructionSet {
    /// Every set this CPU runs: the widest and the narrower ones.
    public static var supported: [InstructionSet] {
        switch widest {
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
