import Testing
@testable import ExptManifest

/// The errors of `optimizers:` and of its uses, word for word.
struct OwnOptimizerErrorTests {
    /// ``baseManifest`` with `optimizers` (at line 12, its definitions from line 13 on) before
    /// `variants`, whose `sgd: {}` is followed by `variants`.
    static func manifest(optimizers: String, variants: String = "") -> String {
        edit(baseManifest, "variants:\n  sgd: {}", "optimizers:\n" + optimizers + "\nvariants:\n  sgd: {}" + (variants.isEmpty ? "" : "\n" + variants))
    }

    static let cases: [ErrorCase] = [
        ErrorCase("a built-in's name", text: manifest(optimizers: "  adam: {name: adamw}"), #"""
            x.yaml:13:3: error: optimizers.adam: optimizer "adam" is built in; give the manifest's own optimizer another name, such as "my-adam"
              adam: {name: adamw}
              ^
            """#),
        ErrorCase("a name with a dot", text: manifest(optimizers: "  my.sgd: sgd"), #"""
            x.yaml:13:3: error: optimizers.my.sgd: expected an optimizer name of 1 to 100 letters, digits, '-' and '_', starting with a letter, found "my.sgd"
              my.sgd: sgd
              ^
            """#),
        ErrorCase("a name starting with a digit", text: manifest(optimizers: "  2nd: sgd"), #"""
            x.yaml:13:3: error: optimizers.2nd: expected an optimizer name of 1 to 100 letters, digits, '-' and '_', starting with a letter, found "2nd"
              2nd: sgd
              ^
            """#),
        ErrorCase("a name with a control character is shown escaped", text: manifest(optimizers: "  \"my\\e\": sgd"), #"""
            x.yaml:13:3: error: optimizers.my\u{1B}: expected an optimizer name of 1 to 100 letters, digits, '-' and '_', starting with a letter, found "my\u{1B}"
              "my\e": sgd
              ^
            """#),
        ErrorCase("not a mapping", replacing: "variants:", with: "optimizers: [sgd]\nvariants:", #"""
            x.yaml:12:13: error: optimizers: expected a mapping of optimizer names to optimizers, found a sequence
            optimizers: [sgd]
                        ^
            """#),
        ErrorCase("a definition that is a sequence", text: manifest(optimizers: "  mine: [sgd]"), #"""
            x.yaml:13:9: error: optimizers.mine: expected an optimizer name or a mapping, found a sequence
              mine: [sgd]
                    ^
            """#),
        ErrorCase("a definition without a name", text: manifest(optimizers: "  mine: {lr: 0.1}"), #"""
            x.yaml:13:9: error: optimizers.mine: missing required key "name"
              mine: {lr: 0.1}
                    ^
            """#),
        ErrorCase("a bad value in a definition is reported once, where it is written", text: manifest(
            optimizers: "  mine: {name: sgd, lr: -1}", variants: "  a: {optimizer: mine}\n  b: {optimizer: {name: mine, momentum: 0.5}}"), #"""
            x.yaml:13:25: error: optimizers.mine.lr: expected a positive number, found -1
              mine: {name: sgd, lr: -1}
                                    ^
            """#),
        ErrorCase("a key of another optimizer in a definition", text: manifest(optimizers: "  mine: {name: adamw, momentum: 0.9}"), #"""
            x.yaml:13:23: error: optimizers.mine.momentum: unknown key "momentum"; expected one of: amsgrad, betas, eps, lr, name, weight_decay
              mine: {name: adamw, momentum: 0.9}
                                  ^
            """#),
        ErrorCase("a key the resolved optimizer does not take, at a use", text: manifest(
            optimizers: "  my-adamw: {name: adamw, weight_decay: 0.1}", variants: "  a: {optimizer: {name: my-adamw, nesterov: true}}"), #"""
            x.yaml:16:35: error: variants.a.optimizer.nesterov: unknown key "nesterov" for optimizer "my-adamw" (adamw); expected one of: amsgrad, betas, eps, lr, name, weight_decay
              a: {optimizer: {name: my-adamw, nesterov: true}}
                                              ^
            """#),
        ErrorCase("a misspelt key at a use", text: manifest(
            optimizers: "  heavy: {name: sgd, momentum: 0.9}", variants: "  a: {optimizer: {name: heavy, dampenin: 0.1}}"), #"""
            x.yaml:16:32: error: variants.a.optimizer.dampenin: unknown key "dampenin" for optimizer "heavy" (sgd); did you mean "dampening"?
              a: {optimizer: {name: heavy, dampenin: 0.1}}
                                           ^
            """#),
        ErrorCase("an unknown name close to one of the manifest's own", text: manifest(
            optimizers: "  my-adamw: adamw", variants: "  a: {optimizer: {name: my-adamv, lr: 0.1}}"), #"""
            x.yaml:16:25: error: variants.a.optimizer.name: unknown optimizer "my-adamv"; did you mean "my-adamw"?
              a: {optimizer: {name: my-adamv, lr: 0.1}}
                                    ^
            """#),
        ErrorCase("an unknown name close to a built-in's, with optimizers of the manifest's own", text: manifest(
            optimizers: "  my-adamw: adamw", variants: "  a: {optimizer: rmsprob}"), #"""
            x.yaml:16:18: error: variants.a.optimizer: unknown optimizer "rmsprob"; did you mean "rmsprop"?
              a: {optimizer: rmsprob}
                             ^
            """#),
        ErrorCase("an unknown name far from every name lists the built-ins and the manifest's own", text: manifest(
            optimizers: "  my-adamw: adamw\n  heavy: {name: sgd, momentum: 0.9}", variants: "  a: {optimizer: newton}"), #"""
            x.yaml:17:18: error: variants.a.optimizer: unknown optimizer "newton"; expected one of: adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd, or the manifest's own: my-adamw, heavy
              a: {optimizer: newton}
                             ^
            """#),
        ErrorCase("an unknown name in a definition", text: manifest(optimizers: "  mine: {name: adamx}"), #"""
            x.yaml:13:16: error: optimizers.mine.name: unknown optimizer "adamx"; did you mean "adam"?
              mine: {name: adamx}
                           ^
            """#),
        ErrorCase("a cycle is reported once, from the name declared first", text: manifest(
            optimizers: "  a: {name: b}\n  b: {name: c, lr: 0.1}\n  c: a", variants: "  x: {optimizer: c}"), #"""
            x.yaml:15:6: error: optimizers.c: a cycle of optimizers: a -> b -> c -> a; one of them must name a built-in optimizer
              c: a
                 ^
            """#),
        ErrorCase("a name that names itself", text: manifest(optimizers: "  me: {name: me, lr: 0.1}"), #"""
            x.yaml:13:14: error: optimizers.me.name: a cycle of optimizers: me -> me; one of them must name a built-in optimizer
              me: {name: me, lr: 0.1}
                         ^
            """#),
    ]

    @Test func atMostAHundredOptimizersOfTheManifestsOwn() {
        let definitions = (0...100).map { "  o\($0): sgd" }.joined(separator: "\n")
        #expect(errorText(Self.manifest(optimizers: definitions)) == #"""
            x.yaml:13:3: error: optimizers: expected at most 100 optimizers of the manifest's own, found 101
              o0: sgd
              ^
            """#)
    }

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
