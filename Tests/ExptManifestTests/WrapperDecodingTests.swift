import ExptOptim
import Testing
@testable import ExptManifest

/// `lbfgs`, and the wrappers `sam` and `lookahead` with their `base`: values, and the errors of
/// a wrapper without a base, of a base that is no optimizer, and of optimizers that evaluate the
/// loss again where they cannot.
struct WrapperDecodingTests {
    typealias Case = OptimizerDecodingTests.Case

    @Test(arguments: [
        Case(yaml: "lbfgs", expected: .lbfgs(LBFGSHyperparameters())),
        Case(yaml: "{name: lbfgs, lr: 0.5, max_iter: 5, max_eval: 9, tolerance_grad: 1.0e-5, tolerance_change: 1.0e-7, history_size: 10, line_search: none}",
             expected: .lbfgs(.init(lr: 0.5, maxIter: 5, maxEval: 9, toleranceGrad: 1e-5, toleranceChange: 1e-7, historySize: 10,
                                    lineSearch: .none))),
        Case(yaml: "{name: sam, base: sgd}", expected: .sam(.init(base: .sgd(SGDHyperparameters())))),
        Case(yaml: "{name: sam, rho: 0.1, adaptive: true, base: {name: sgd, lr: 0.1, momentum: 0.9}}",
             expected: .sam(.init(rho: 0.1, adaptive: true, base: .sgd(.init(lr: 0.1, momentum: 0.9))))),
        Case(yaml: "{name: lookahead, k: 6, alpha: 0.8, base: {name: adam, lr: 0.01}}",
             expected: .lookahead(.init(k: 6, alpha: 0.8, base: .adam(.init(lr: 0.01))))),
        // A wrapper around a wrapper: Lookahead's slow weights over SAM's steps.
        Case(yaml: "{name: lookahead, base: {name: sam, base: {name: sgd, lr: 0.1}}}",
             expected: .lookahead(.init(base: .sam(.init(base: .sgd(.init(lr: 0.1))))))),
    ])
    func decodes(_ c: Case) throws {
        #expect(try OptimizerDecodingTests.decode(c.yaml) == c.expected)
    }

    /// The wrapper's learning rate is its base's: the one the schedule scales.
    @Test func wrapperLearningRateIsTheBase() throws {
        let config = try OptimizerDecodingTests.decode("{name: sam, base: {name: sgd, lr: 0.25}}")
        #expect(config.learningRate == 0.25)
        #expect(config.hyperparameters.map { "\($0.name) \($0.value)" }
            == ["rho 0.05", "adaptive false", "base sgd(lr 0.25)"])
        let defaults = try OptimizerDecodingTests.decode("{name: lookahead, base: {name: sam, base: sgd}}")
        #expect(defaults.hyperparameters.map { "\($0.name) \($0.value)" } == ["k 5", "alpha 0.5", "base sam(base sgd)"])
        #expect(defaults.defaultHyperparameters.map { "\($0.name) \($0.value)" } == ["k 5", "alpha 0.5", "base none"])
    }

    /// A variant's optimizer merges over the top level's; its base by the same rule: a base of
    /// another name replaces the top level's, one of the same name (or none) merges key by key.
    @Test func aVariantMergesTheBaseAsAnOptimizer() throws {
        let text = edit(edit(baseManifest, "{name: sgd, lr: 0.1}", "{name: sam, base: {name: sgd, lr: 0.1, momentum: 0.9}}"),
                        "adam:\n    optimizer: {name: adam, lr: 0.01}",
                        "adam:\n    optimizer: {base: {name: adam}}\n  slower:\n    optimizer: {rho: 0.1, base: {lr: 0.01}}")
        let configs = try ManifestLoader.decode(text: text, path: "x.yaml").variants.map(\.config.optimizer)
        #expect(configs == [.sam(.init(base: .sgd(.init(lr: 0.1, momentum: 0.9)))), .sam(.init(base: .adam(.init()))),
                            .sam(.init(rho: 0.1, base: .sgd(.init(lr: 0.01, momentum: 0.9))))])
    }

    static let errors: [ErrorCase] = [
        ErrorCase("a wrapper around nothing", replacing: "{name: sgd, lr: 0.1}", with: "{name: sam, rho: 0.1}", #"""
            x.yaml:11:12: error: optimizer: sam is a wrapper around nothing: give it the optimizer it wraps, as in base: {name: sgd, lr: 0.1}
            optimizer: {name: sam, rho: 0.1}
                       ^
            """#),
        ErrorCase("a bare wrapper name", replacing: "{name: sgd, lr: 0.1}", with: "lookahead", #"""
            x.yaml:11:12: error: optimizer: lookahead is a wrapper around nothing: give it the optimizer it wraps, as in base: {name: sgd, lr: 0.1}
            optimizer: lookahead
                       ^
            """#),
        ErrorCase("a schedule as the base", replacing: "{name: sgd, lr: 0.1}", with: "{name: sam, base: cosine}", #"""
            x.yaml:11:30: error: optimizer.base: "cosine" is a schedule, not an optimizer; base takes an optimizer: one of adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd
            optimizer: {name: sam, base: cosine}
                                         ^
            """#),
        ErrorCase("a layer as the base", replacing: "{name: sgd, lr: 0.1}", with: "{name: lookahead, base: {name: dense}}", #"""
            x.yaml:11:43: error: optimizer.base.name: "dense" is a layer, not an optimizer; base takes an optimizer: one of adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd
            optimizer: {name: lookahead, base: {name: dense}}
                                                      ^
            """#),
        ErrorCase("a bad value in the base", replacing: "{name: sgd, lr: 0.1}", with: "{name: sam, base: {name: sgd, lr: -1}}", #"""
            x.yaml:11:46: error: optimizer.base.lr: expected a positive number, found -1
            optimizer: {name: sam, base: {name: sgd, lr: -1}}
                                                         ^
            """#),
        ErrorCase("lr on the wrapper", replacing: "{name: sgd, lr: 0.1}", with: "{name: sam, lr: 0.1, base: sgd}", #"""
            x.yaml:11:24: error: optimizer.lr: unknown key "lr"; expected one of: adaptive, base, name, rho
            optimizer: {name: sam, lr: 0.1, base: sgd}
                                   ^
            """#),
        ErrorCase("sam around an optimizer that evaluates again", replacing: "{name: sgd, lr: 0.1}",
                  with: "{name: sam, base: {name: lbfgs}}", #"""
            x.yaml:11:37: error: optimizer.base.name: sam cannot wrap lbfgs, which evaluates the loss again itself (at the ascended point, not at θ); choose a base that takes one gradient per step, such as sgd or adam
            optimizer: {name: sam, base: {name: lbfgs}}
                                                ^
            """#),
        ErrorCase("lbfgs line search unknown", replacing: "{name: sgd, lr: 0.1}", with: "{name: lbfgs, line_search: wolfe}", #"""
            x.yaml:11:39: error: optimizer.line_search: unknown line_search "wolfe"; expected one of: none, strong_wolfe
            optimizer: {name: lbfgs, line_search: wolfe}
                                                  ^
            """#),
        ErrorCase("param_groups with an optimizer that evaluates again", replacing: "optimizer: {name: sgd, lr: 0.1}\n",
                  with: "optimizer: lbfgs\nparam_groups:\n  - layers: [1]\n    optimizer: {name: sgd, lr: 0.01}\n", #"""
            x.yaml:13:3: error: param_groups: param_groups cannot be used with lbfgs, which evaluates the loss again within a step; remove param_groups or choose an optimizer that takes one gradient per step
              - layers: [1]
              ^
            """#),
        ErrorCase("a parameter group whose optimizer evaluates again", replacing: "variants:\n",
                  with: "param_groups:\n  - layers: [1]\n    optimizer: {name: sam, base: sgd}\nvariants:\n", #"""
            x.yaml:14:16: error: param_groups[0].optimizer: a parameter group cannot use sam, which evaluates the loss again within a step; choose an optimizer that takes one gradient per step
                optimizer: {name: sam, base: sgd}
                           ^
            """#),
    ]

    @Test(arguments: errors)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
