internal import CKernels

extension RAdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_radam_factors(
            first_weight: Float(firstWeight), beta2: Float(beta2), second_weight: Float(secondWeight), eps: Float(eps),
            correction1: Float(correction1), correction2_root: Float(correction2Root),
            rectification: Float(rectification), rate: Float(rate))
        expt_radam_step(parameters.floats, gradients.floats, firstMoment.floats, secondMoment.floats, count,
                        weightDecay.compiled, rectified, factors)
    }
}
