internal import CKernels

extension AdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adam_factors(
            first_weight: Float(firstWeight), beta2: Float(beta2), second_weight: Float(secondWeight), eps: Float(eps),
            correction2_root: Float(correction2Root), negative_step_size: Float(negativeStepSize))
        expt_adam_step(parameters.floats, gradients.floats, firstMoment.floats, secondMoment.floats, maxSecondMoment.floats,
                       count, weightDecay.compiled, amsgrad, factors)
    }
}
