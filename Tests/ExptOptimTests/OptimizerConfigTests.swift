import ExptConfig
import ExptOptim
import Testing

struct OptimizerConfigTests {
    @Test func namesRatesAndOptimizers() {
        let sgd = OptimizerConfig.sgd(.init(lr: 0.1, momentum: 0.9))
        let adam = OptimizerConfig.adam(.init())
        #expect(sgd.name == "sgd" && adam.name == "adam")
        #expect(sgd.learningRate == 0.1 && adam.learningRate == 0.001)
        #expect(sgd.makeOptimizer(parameterCount: 4) is RuleOptimizer<SGDHyperparameters, Float>)
        #expect(adam.makeOptimizer(parameterCount: 4) is RuleOptimizer<AdamHyperparameters, Float>)
        #expect(adam.makeOptimizer(of: Double.self, parameterCount: 4) is RuleOptimizer<AdamHyperparameters, Double>)
        #expect(sgd.hyperparameters.map(\.name) == ["lr", "momentum", "dampening", "nesterov", "weight_decay"])
        #expect(adam.hyperparameters.map(\.name) == ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"])
    }

    /// Defaults are torch 2.15's, as `inspect.signature(torch.optim.X.__init__)` lists them
    /// (Lion's are lucidrains/lion-pytorch's), including SGD's lr of 0.001 and AdamW's weight decay of 0.01.
    @Test(arguments: [
        (OptimizerConfig.sgd(.init()), "lr 0.001, momentum 0.0, dampening 0.0, nesterov false, weight_decay 0.0"),
        (.adam(.init()), "lr 0.001, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0, amsgrad false"),
        (.adamw(.init()), "lr 0.001, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.01, amsgrad false"),
        (.adagrad(.init()), "lr 0.01, lr_decay 0.0, weight_decay 0.0, initial_accumulator_value 0.0, eps 1e-10"),
        (.rmsprop(.init()), "lr 0.01, alpha 0.99, eps 1e-08, weight_decay 0.0, momentum 0.0, centered false"),
        (.adadelta(.init()), "lr 1.0, rho 0.9, eps 1e-06, weight_decay 0.0"),
        (.nadam(.init()), "lr 0.002, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0, momentum_decay 0.004, decoupled_weight_decay false"),
        (.radam(.init()), "lr 0.001, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0, decoupled_weight_decay false"),
        (.adamax(.init()), "lr 0.002, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0"),
        (.lion(.init()), "lr 0.0001, beta1 0.9, beta2 0.99, weight_decay 0.0"),
        (.rprop(.init()), "lr 0.01, etaminus 0.5, etaplus 1.2, step_size_min 1e-06, step_size_max 50.0"),
    ])
    func defaultsAreTorchs(_ config: OptimizerConfig, _ listed: String) {
        #expect(config.hyperparameters.map { "\($0.name) \($0.value)" }.joined(separator: ", ") == listed)
        #expect(config.defaultHyperparameters.map(\.value) == config.hyperparameters.map(\.value))
    }

    /// The defaults are those of the same optimizer, whatever the values set.
    @Test func defaultHyperparametersAreTheOptimizersOwn() {
        let adamw = OptimizerConfig.adamw(.init(lr: 0.5, weightDecay: 0))
        #expect(adamw.defaultHyperparameters.map(\.value) == ["0.001", "0.9", "0.999", "1e-08", "0.01", "false"])
        #expect(adamw.hyperparameters.map(\.value) == ["0.5", "0.9", "0.999", "1e-08", "0.0", "false"])
    }

    /// Each config makes the optimizer of its name, in both precisions (AdamW is Adam with
    /// decoupled weight decay).
    @Test func makesTheOptimizerOfItsName() {
        let configs: [OptimizerConfig] = [.sgd(.init()), .adam(.init()), .adamw(.init()), .adagrad(.init()), .rmsprop(.init()),
                                          .adadelta(.init()), .nadam(.init()), .radam(.init()), .adamax(.init()), .lion(.init()),
                                          .rprop(.init())]
        for config in configs {
            #expect(ReferenceTrajectoryTests.kind(of: config.makeOptimizer(parameterCount: 3)) == config.name)
        }
        #expect(OptimizerConfig.lion(.init()).makeOptimizer(of: Double.self, parameterCount: 3) is RuleOptimizer<LionHyperparameters, Double>)
        #expect(OptimizerConfig.radam(.init()).makeOptimizer(of: Double.self, parameterCount: 3) is RuleOptimizer<RAdamHyperparameters, Double>)
    }
}
