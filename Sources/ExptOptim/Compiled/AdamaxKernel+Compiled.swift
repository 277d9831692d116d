internal import CKernels

extension AdamaxKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adamax_factors(
            weight_decay: Float(weightDecay), first_weight: Float(firstWeight), beta2: Float(beta2), eps: Float(eps),
            negative_step_size: Float(negativeStepSize))
        expt_adamax_step(parameters.floats, gradients.floats, firstMoment.floats, infinityNorm.floats, count, factors)
    }
}
