internal import CKernels

extension LionKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_lion_factors(
            decay_factor: Float(decayFactor ?? 1), beta1: Float(beta1), interpolation_weight: Float(interpolationWeight),
            beta2: Float(beta2), decay_weight: Float(decayWeight), negative_rate: Float(negativeRate))
        expt_lion_step(parameters.floats, gradients.floats, momentum.floats, count, decayFactor != nil, factors)
    }
}
