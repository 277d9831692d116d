internal import CKernels

extension TwoMoments {
    /// The moments' factors as the C loops take them (in `Float`).
    var compiled: expt_two_moments {
        expt_two_moments(first_weight: Float(firstWeight), beta2: Float(beta2), second_weight: Float(secondWeight))
    }
}
