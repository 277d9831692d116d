internal import CKernels

extension NAdamKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_nadam_factors(
            first_weight: Float(firstWeight), beta2: Float(beta2), second_weight: Float(secondWeight), eps: Float(eps),
            correction2: Float(correction2), gradient_factor: Float(gradientFactor), moment_factor: Float(momentFactor))
        expt_nadam_step(parameters.floats, gradients.floats, firstMoment.floats, secondMoment.floats, count,
                        weightDecay.compiled, factors)
    }
}
