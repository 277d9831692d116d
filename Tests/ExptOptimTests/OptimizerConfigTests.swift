import ExptOptim
import Testing

struct OptimizerConfigTests {
    @Test func namesRatesAndOptimizers() {
        let sgd = OptimizerConfig.sgd(.init(lr: 0.1, momentum: 0.9))
        let adam = OptimizerConfig.adam(.init())
        #expect(sgd.name == "sgd" && adam.name == "adam")
        #expect(sgd.learningRate == 0.1 && adam.learningRate == 0.001)
        #expect(sgd.makeOptimizer(parameterCount: 4) is SGD<Float>)
        #expect(adam.makeOptimizer(parameterCount: 4) is Adam<Float>)
        #expect(sgd.hyperparameters.map(\.name) == ["lr", "momentum", "dampening", "nesterov", "weight_decay"])
        #expect(adam.hyperparameters.map(\.name) == ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"])
    }

    /// Defaults are torch's, including SGD's lr of 0.001.
    @Test func defaultsAreTorchs() {
        #expect(SGDHyperparameters() == SGDHyperparameters(lr: 0.001, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0))
        #expect(AdamHyperparameters() == AdamHyperparameters(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false))
    }
}
