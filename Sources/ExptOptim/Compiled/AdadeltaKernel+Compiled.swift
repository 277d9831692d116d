internal import CKernels

extension AdadeltaKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adadelta_factors(
            rho: Float(rho), new_weight: Float(newWeight), eps: Float(eps), weight_decay: Float(weightDecay),
            negative_rate: Float(negativeRate))
        expt_adadelta_step(parameters.floats, gradients.floats, meanSquaredGradient.floats, meanSquaredStep.floats, count,
                           factors)
    }
}
