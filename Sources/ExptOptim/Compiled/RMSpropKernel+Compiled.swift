internal import CKernels

extension RMSpropKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_rmsprop_factors(
            alpha: Float(alpha), new_weight: Float(newWeight), eps: Float(eps), weight_decay: Float(weightDecay),
            momentum: Float(momentum), negative_rate: Float(negativeRate))
        expt_rmsprop_step(parameters.floats, gradients.floats, meanSquare.floats, meanGradient.floats, momentumBuffer.floats,
                          count, centered, factors)
    }
}
