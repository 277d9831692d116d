import ExptOptim
import Testing
@testable import ExptManifest

/// The `optimizer` of every kind: keys, defaults and errors.
struct OptimizerDecodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let yaml: String
        let expected: OptimizerConfig
        var testDescription: String { yaml }
    }

    /// The top-level optimizer of `baseManifest` replaced by `yaml`, decoded.
    static func decode(_ yaml: String) throws -> OptimizerConfig {
        let text = edit(baseManifest, "{name: sgd, lr: 0.1}", yaml)
        return try ManifestLoader.decode(text: text, path: "x.yaml").variants[0].config.optimizer
    }

    @Test(arguments: [
        // A bare name gives torch's defaults, which OptimizerConfigTests checks.
        Case(yaml: "adamw", expected: .adamw(AdamWHyperparameters())),
        Case(yaml: "adagrad", expected: .adagrad(AdagradHyperparameters())),
        Case(yaml: "rmsprop", expected: .rmsprop(RMSpropHyperparameters())),
        Case(yaml: "adadelta", expected: .adadelta(AdadeltaHyperparameters())),
        Case(yaml: "nadam", expected: .nadam(NAdamHyperparameters())),
        Case(yaml: "radam", expected: .radam(RAdamHyperparameters())),
        Case(yaml: "adamax", expected: .adamax(AdamaxHyperparameters())),
        Case(yaml: "lion", expected: .lion(LionHyperparameters())),
        Case(yaml: "rprop", expected: .rprop(RpropHyperparameters())),
        Case(yaml: "{name: adamw, lr: 0.01, betas: [0.8, 0.99], eps: 1.0e-6, weight_decay: 0, amsgrad: true}",
             expected: .adamw(.init(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0, amsgrad: true))),
        Case(yaml: "{name: adagrad, lr: 0.1, lr_decay: 0.01, weight_decay: 0.001, initial_accumulator_value: 0.1, eps: 1.0e-8}",
             expected: .adagrad(.init(lr: 0.1, lrDecay: 0.01, weightDecay: 0.001, initialAccumulatorValue: 0.1, eps: 1e-8))),
        Case(yaml: "{name: rmsprop, lr: 0.001, alpha: 0.9, eps: 1.0e-6, weight_decay: 0.01, momentum: 0.9, centered: true}",
             expected: .rmsprop(.init(lr: 0.001, alpha: 0.9, eps: 1e-6, weightDecay: 0.01, momentum: 0.9, centered: true))),
        Case(yaml: "{name: adadelta, lr: 0.5, rho: 0.95, eps: 1.0e-8, weight_decay: 0.1}",
             expected: .adadelta(.init(lr: 0.5, rho: 0.95, eps: 1e-8, weightDecay: 0.1))),
        Case(yaml: "{name: nadam, lr: 0.01, betas: [0.95, 0.99], eps: 1.0e-6, weight_decay: 0.1, momentum_decay: 0.01, decoupled_weight_decay: true}",
             expected: .nadam(.init(lr: 0.01, beta1: 0.95, beta2: 0.99, eps: 1e-6, weightDecay: 0.1, momentumDecay: 0.01, decoupledWeightDecay: true))),
        Case(yaml: "{name: radam, lr: 0.01, betas: [0.8, 0.9], weight_decay: 0.1, decoupled_weight_decay: true}",
             expected: .radam(.init(lr: 0.01, beta1: 0.8, beta2: 0.9, weightDecay: 0.1, decoupledWeightDecay: true))),
        Case(yaml: "{name: adamax, lr: 0.01, betas: [0.5, 0.9], eps: 0.001, weight_decay: 0.2}",
             expected: .adamax(.init(lr: 0.01, beta1: 0.5, beta2: 0.9, eps: 0.001, weightDecay: 0.2))),
        Case(yaml: "{name: lion, lr: 3.0e-5, betas: [0.95, 0.98], weight_decay: 1.0}",
             expected: .lion(.init(lr: 3e-5, beta1: 0.95, beta2: 0.98, weightDecay: 1.0))),
        Case(yaml: "{name: rprop, lr: 0.1, etaminus: 0.3, etaplus: 1.5, step_size_min: 0.001, step_size_max: 1}",
             expected: .rprop(.init(lr: 0.1, etaminus: 0.3, etaplus: 1.5, stepSizeMin: 0.001, stepSizeMax: 1))),
    ])
    func decodes(_ c: Case) throws {
        #expect(try Self.decode(c.yaml) == c.expected)
    }

    /// Every optimizer the manifest knows makes an optimizer of its own name.
    @Test func everyNameDecodes() throws {
        for (name, keys) in ManifestDecoder.optimizerKeys {
            // A wrapper needs its base (WrapperDecodingTests).
            let yaml = keys.contains("base") ? "{name: \(name), base: sgd}" : name
            #expect(try Self.decode(yaml).name == name)
        }
    }

    static let errors: [ErrorCase] = [
        ErrorCase("rmsprop alpha above 1", replacing: "{name: sgd, lr: 0.1}", with: "{name: rmsprop, alpha: 1.5}", #"""
            x.yaml:11:35: error: optimizer.alpha: expected a number in [0, 1], found 1.5
            optimizer: {name: rmsprop, alpha: 1.5}
                                              ^
            """#),
        ErrorCase("adam's key in rmsprop", replacing: "{name: sgd, lr: 0.1}", with: "{name: rmsprop, betas: [0.9, 0.99]}", #"""
            x.yaml:11:28: error: optimizer.betas: unknown key "betas"; expected one of: alpha, centered, eps, lr, momentum, name, weight_decay
            optimizer: {name: rmsprop, betas: [0.9, 0.99]}
                                       ^
            """#),
        ErrorCase("lion has no eps", replacing: "{name: sgd, lr: 0.1}", with: "{name: lion, eps: 1.0e-8}", #"""
            x.yaml:11:25: error: optimizer.eps: unknown key "eps"; expected one of: betas, lr, name, weight_decay
            optimizer: {name: lion, eps: 1.0e-8}
                                    ^
            """#),
        ErrorCase("misspelt momentum_decay", replacing: "{name: sgd, lr: 0.1}", with: "{name: nadam, momentum_decai: 0.01}", #"""
            x.yaml:11:26: error: optimizer.momentum_decai: unknown key "momentum_decai"; did you mean "momentum_decay"?
            optimizer: {name: nadam, momentum_decai: 0.01}
                                     ^
            """#),
        ErrorCase("negative lr_decay and accumulator", replacing: "{name: sgd, lr: 0.1}",
                  with: "{name: adagrad, lr_decay: -1, initial_accumulator_value: -0.5}", #"""
            x.yaml:11:38: error: optimizer.lr_decay: expected a non-negative number, found -1
            optimizer: {name: adagrad, lr_decay: -1, initial_accumulator_value: -0.5}
                                                 ^
            x.yaml:11:69: error: optimizer.initial_accumulator_value: expected a non-negative number, found -0.5
            optimizer: {name: adagrad, lr_decay: -1, initial_accumulator_value: -0.5}
                                                                                ^
            """#),
        ErrorCase("decoupled weight decay not a bool", replacing: "{name: sgd, lr: 0.1}",
                  with: "{name: radam, decoupled_weight_decay: yes}", #"""
            x.yaml:11:50: error: optimizer.decoupled_weight_decay: expected true or false, found "yes"
            optimizer: {name: radam, decoupled_weight_decay: yes}
                                                             ^
            """#),
        ErrorCase("lion beta of 1", replacing: "{name: sgd, lr: 0.1}", with: "{name: lion, betas: [0.9, 1]}", #"""
            x.yaml:11:38: error: optimizer.betas[1]: expected a number in [0, 1), found 1
            optimizer: {name: lion, betas: [0.9, 1]}
                                                 ^
            """#),
        ErrorCase("rprop etaplus not above 1", replacing: "{name: sgd, lr: 0.1}", with: "{name: rprop, etaplus: 0.9}", #"""
            x.yaml:11:35: error: optimizer.etaplus: etaplus must be greater than 1
            optimizer: {name: rprop, etaplus: 0.9}
                                              ^
            """#),
        ErrorCase("rprop step sizes the wrong way round", replacing: "{name: sgd, lr: 0.1}",
                  with: "{name: rprop, step_size_min: 2, step_size_max: 1}", #"""
            x.yaml:11:41: error: optimizer.step_size_min: step_size_min must not exceed step_size_max
            optimizer: {name: rprop, step_size_min: 2, step_size_max: 1}
                                                    ^
            """#),
        ErrorCase("torch's etas pair in rprop", replacing: "{name: sgd, lr: 0.1}", with: "{name: rprop, etas: [0.5, 1.2]}", #"""
            x.yaml:11:26: error: optimizer.etas: unknown key "etas"; expected one of: etaminus, etaplus, lr, name, step_size_max, step_size_min
            optimizer: {name: rprop, etas: [0.5, 1.2]}
                                     ^
            """#),
    ]

    @Test(arguments: errors)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
