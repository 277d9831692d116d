import ExptOptim
import Testing
@testable import ExptManifest

/// ASGD, AdaBelief, LAMB, LARS and Adafactor in a manifest: each by name with all its keys, and
/// a bad key or value of each, reported at its place.
struct LayerwiseOptimizerDecodingTests {
    @Test(arguments: [
        ("asgd", OptimizerConfig.asgd(ASGDHyperparameters())),
        ("adabelief", .adabelief(AdaBeliefHyperparameters())),
        ("lamb", .lamb(LAMBHyperparameters())),
        ("lars", .lars(LARSHyperparameters())),
        ("adafactor", .adafactor(AdafactorHyperparameters())),
        ("{name: asgd, lr: 0.05, lambd: 0.001, alpha: 0.5, t0: 100, weight_decay: 0.01}",
         .asgd(.init(lr: 0.05, lambd: 0.001, alpha: 0.5, t0: 100, weightDecay: 0.01))),
        ("{name: adabelief, lr: 0.01, betas: [0.8, 0.99], eps: 1.0e-8, weight_decay: 0.1, weight_decouple: false, amsgrad: true}",
         .adabelief(.init(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-8, weightDecay: 0.1, weightDecouple: false, amsgrad: true))),
        ("{name: lamb, lr: 0.01, betas: [0.8, 0.99], eps: 1.0e-8, weight_decay: 0.01}",
         .lamb(.init(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-8, weightDecay: 0.01))),
        ("{name: lars, lr: 2, weight_decay: 0.0001, trust_coefficient: 0.002, eps: 1.0e-9, momentum: 0.5, nesterov: true}",
         .lars(.init(lr: 2, weightDecay: 1e-4, trustCoefficient: 0.002, eps: 1e-9, momentum: 0.5, nesterov: true))),
        ("{name: adafactor, lr: 0.1, beta2_decay: -0.5, eps1: 1.0e-30, eps2: 0.01, d: 2, weight_decay: 0.1}",
         .adafactor(.init(lr: 0.1, beta2Decay: -0.5, eps1: 1e-30, eps2: 0.01, d: 2, weightDecay: 0.1))),
    ])
    func decodes(_ yaml: String, _ expected: OptimizerConfig) throws {
        #expect(try OptimizerDecodingTests.decode(yaml) == expected)
    }

    static let errors: [ErrorCase] = [
        ErrorCase("asgd's lambd misspelt", replacing: "{name: sgd, lr: 0.1}", with: "{name: asgd, lambda: 0.1}", #"""
            x.yaml:11:25: error: optimizer.lambda: unknown key "lambda"; did you mean "lambd"?
            optimizer: {name: asgd, lambda: 0.1}
                                    ^
            """#),
        ErrorCase("adabelief has no rectify", replacing: "{name: sgd, lr: 0.1}", with: "{name: adabelief, rectify: true}", #"""
            x.yaml:11:30: error: optimizer.rectify: unknown key "rectify"; expected one of: amsgrad, betas, eps, lr, name, weight_decay, weight_decouple
            optimizer: {name: adabelief, rectify: true}
                                         ^
            """#),
        ErrorCase("lamb eps of 0", replacing: "{name: sgd, lr: 0.1}", with: "{name: lamb, eps: 0}", #"""
            x.yaml:11:30: error: optimizer.eps: expected a positive number, found 0
            optimizer: {name: lamb, eps: 0}
                                         ^
            """#),
        ErrorCase("lars momentum above 1", replacing: "{name: sgd, lr: 0.1}", with: "{name: lars, momentum: 1.5}", #"""
            x.yaml:11:35: error: optimizer.momentum: expected a number in [0, 1], found 1.5
            optimizer: {name: lars, momentum: 1.5}
                                              ^
            """#),
        ErrorCase("adafactor beta2_decay above 0", replacing: "{name: sgd, lr: 0.1}", with: "{name: adafactor, beta2_decay: 0.8}", #"""
            x.yaml:11:43: error: optimizer.beta2_decay: expected a number ≤ 0, found 0.8
            optimizer: {name: adafactor, beta2_decay: 0.8}
                                                      ^
            """#),
        ErrorCase("adafactor d below 1", replacing: "{name: sgd, lr: 0.1}", with: "{name: adafactor, d: 0.5}", #"""
            x.yaml:11:33: error: optimizer.d: expected a number of at least 1, found 0.5
            optimizer: {name: adafactor, d: 0.5}
                                            ^
            """#),
        ErrorCase("torch's eps pair in adafactor", replacing: "{name: sgd, lr: 0.1}", with: "{name: adafactor, eps: [null, 0.001]}", #"""
            x.yaml:11:30: error: optimizer.eps: unknown key "eps"; did you mean "eps1"?
            optimizer: {name: adafactor, eps: [null, 0.001]}
                                         ^
            """#),
    ]

    @Test(arguments: errors)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
