internal import CKernels

/// exp, tanh and the logistic function, applied in place over Float buffers by expt's C
/// kernels (`Sources/CKernels/vector_math.h`: Cephes' single-precision algorithms on sixteen
/// lanes, within 2 ulps of the correctly rounded values). Every instruction set gives the same
/// bits, and so does every position in a buffer (the partial last vector is padded with zeros).
enum VectorFunction: CaseIterable, Sendable {
    /// e^x, for x clamped to [−87.3, 88.3] (no subnormal or infinite results).
    case exp
    case tanh
    /// The logistic function 1 / (1 + e^{−x}).
    case sigmoid

    /// Replaces each of the `count` values at `values` by this function of it, with the kernels
    /// of `instructionSet` (the run's, which its context checked is one of ``InstructionSet/supported``).
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int, instructionSet: InstructionSet) {
        expt_apply(instructionSet.cValue, cValue, values, count)
    }

    /// This function of one value, through the same kernels as `apply` (the widest set's).
    func callAsFunction(_ x: Float) -> Float {
        var value = x
        apply(&value, count: 1, instructionSet: .widest)
        return value
    }

    private var cValue: expt_vector_function {
        switch self {
        case .exp: EXPT_EXP
        case .tanh: EXPT_TANH
        case .sigmoid: EXPT_SIGMOID
        }
    }
}
