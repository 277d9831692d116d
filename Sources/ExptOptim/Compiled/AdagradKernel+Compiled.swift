internal import CKernels

extension AdagradKernel: CompiledKernel {
    func runCompiled(count: Int) {
        let factors = expt_adagrad_factors(weight_decay: Float(weightDecay), eps: Float(eps), negative_rate: Float(negativeRate))
        expt_adagrad_step(parameters.floats, gradients.floats, sumOfSquares.floats, count, factors)
    }
}
