import Testing
@testable import ExptManifest

/// One invalid manifest: the valid ``baseManifest`` with one piece replaced (or a whole text),
/// and the complete error output expected, snippet and caret included.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: String?
    var testDescription: String { name }

    init(_ name: String, replacing old: String, with new: String, _ expected: String?) {
        self.name = name
        self.text = edit(baseManifest, old, new)
        self.expected = expected
    }

    init(_ name: String, text: String, _ expected: String) {
        self.name = name
        self.text = text
        self.expected = expected
    }
}

/// Every kind of error message, word for word.
struct ManifestErrorTests {
    static let cases: [ErrorCase] = [
        ErrorCase("did you mean", replacing: "lr: 0.1", with: "lrr: 0.1", #"""
            x.yaml:11:24: error: optimizer.lrr: unknown key "lrr"; did you mean "lr"?
            optimizer: {name: sgd, lrr: 0.1}
                                   ^
            """#),
        ErrorCase("unknown key without a close match lists the keys", replacing: "epochs: 10", with: #"""
            epochs: 10
              foo: 1
            """#, #"""
            x.yaml:11:3: error: train.foo: unknown key "foo"; expected one of: batch_size, checkpoint, early_stop, epochs, evaluate_train, layer_stats, save_weights, threads
              foo: 1
              ^
            """#),
        ErrorCase("did you mean ignores case and dashes", replacing: "epochs: 10", with: #"""
            epochs: 10
              Batch-Size: 8
            """#, #"""
            x.yaml:11:3: error: train.Batch-Size: unknown key "Batch-Size"; did you mean "batch_size"?
              Batch-Size: 8
              ^
            """#),
        ErrorCase("unknown key in a variant", replacing: "  sgd: {}", with: "  sgd: {optimiser: sgd}", #"""
            x.yaml:13:9: error: variants.sgd.optimiser: unknown key "optimiser"; did you mean "optimizer"?
              sgd: {optimiser: sgd}
                    ^
            """#),
        ErrorCase("unknown top-level key", replacing: "name: demo", with: #"""
            name: demo
            seed: 3
            """#, #"""
            x.yaml:2:1: error: seed: unknown key "seed"; did you mean "seeds"?
            seed: 3
            ^
            """#),
        ErrorCase("key of another optimizer", replacing: "{name: adam, lr: 0.01}", with: "{name: adam, momentum: 0.9}", #"""
            x.yaml:15:29: error: variants.adam.optimizer.momentum: unknown key "momentum"; expected one of: amsgrad, betas, eps, lr, name, weight_decay
                optimizer: {name: adam, momentum: 0.9}
                                        ^
            """#),
        ErrorCase("unknown optimizer", replacing: "{name: adam, lr: 0.01}", with: "{name: adams, lr: 0.01}", #"""
            x.yaml:15:23: error: variants.adam.optimizer.name: unknown optimizer "adams"; expected one of: adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd
                optimizer: {name: adams, lr: 0.01}
                                  ^
            """#),
        ErrorCase("unknown optimizer as a bare name", replacing: "optimizer: {name: adam, lr: 0.01}", with: "optimizer: bfgs", #"""
            x.yaml:15:16: error: variants.adam.optimizer: unknown optimizer "bfgs"; expected one of: adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd
                optimizer: bfgs
                           ^
            """#),
        ErrorCase("unknown dataset", replacing: "dataset: spirals", with: "dataset: swiss_roll", #"""
            x.yaml:3:12: error: data.dataset: unknown dataset "swiss_roll"; expected one of: beale, blobs, cifar10, circles, copy, csv, himmelblau, idx, linear, mnist1d, modular_arithmetic, moons, parity, polynomial, quadratic, reverse, rosenbrock, saddle, sort, spirals, text, xor
              dataset: swiss_roll
                       ^
            """#),
        ErrorCase("unknown activation", replacing: "activation: relu", with: "activation: rellu", #"""
            x.yaml:7:17: error: model[0].activation: unknown activation "rellu"; expected one of: gelu, identity, leaky_relu, relu, sigmoid, tanh
                activation: rellu
                            ^
            """#),
        ErrorCase("unknown initializer", replacing: "activation: relu", with: "init: kaiming", #"""
            x.yaml:7:11: error: model[0].init: unknown initializer "kaiming"; expected one of: glorot, he, orthogonal, xavier, zeros
                init: kaiming
                      ^
            """#),
        ErrorCase("unknown loss", replacing: #"""
            train:

            """#, with: #"""
            loss: nll
            train:

            """#, #"""
            x.yaml:9:7: error: loss: unknown loss "nll"; expected one of: cross_entropy, mse
            loss: nll
                  ^
            """#),
        ErrorCase("unknown metric", replacing: #"""
            variants:

            """#, with: #"""
            compare: {metric: accuracy}
            variants:

            """#, #"""
            x.yaml:12:19: error: compare.metric: unknown metric "accuracy"; expected one of: train_accuracy, train_eval_loss, train_loss, val_accuracy, val_loss
            compare: {metric: accuracy}
                              ^
            """#),
        ErrorCase("unknown goal", replacing: #"""
            variants:

            """#, with: #"""
            compare: {goal: maximize}
            variants:

            """#, #"""
            x.yaml:12:17: error: compare.goal: unknown goal "maximize"; expected one of: max, min
            compare: {goal: maximize}
                            ^
            """#),
        ErrorCase("missing required key", replacing: "epochs: 10", with: "threads: 2", #"""
            x.yaml:10:3: error: train: missing required key "epochs"
              threads: 2
              ^
            """#),
        ErrorCase("missing key in a flow mapping", replacing: "{name: sgd, lr: 0.1}", with: "{lr: 0.1}", #"""
            x.yaml:11:12: error: optimizer: missing required key "name"
            optimizer: {lr: 0.1}
                       ^
            """#),
        ErrorCase("missing layer kind", replacing: "  - dense: 3", with: "  - activation: tanh", #"""
            x.yaml:8:5: error: model[1]: missing layer kind; expected one of: attention, avgpool2d, batchnorm, conv2d, dense, dropout, embedding, feed_forward, flatten, gru, last_position, layer_norm, lstm, maxpool2d, position_embedding, residual, rnn, transformer_block
              - activation: tanh
                ^
            """#),
        ErrorCase("missing dataset", replacing: #"""
              dataset: spirals

            """#, with: #"""

            """#, #"""
            x.yaml:3:3: error: data: missing required key "dataset"
              classes: 3
              ^
            """#),
        ErrorCase("missing top-level key", replacing: #"""
            name: demo

            """#, with: #"""

            """#, #"""
            x.yaml:1:1: error: missing required key "name"
            data:
            ^
            """#),
        ErrorCase("type error: string for an integer", replacing: "epochs: 10", with: "epochs: ten", #"""
            x.yaml:10:11: error: train.epochs: expected a positive integer, found "ten"
              epochs: ten
                      ^
            """#),
        ErrorCase("type error: float for an integer", replacing: "epochs: 10", with: "epochs: 10.5", #"""
            x.yaml:10:11: error: train.epochs: expected a positive integer, found 10.5
              epochs: 10.5
                      ^
            """#),
        ErrorCase("type error: nothing", replacing: "epochs: 10", with: "epochs:", #"""
            x.yaml:10:10: error: train.epochs: expected a positive integer, found nothing
              epochs:
                     ^
            """#),
        ErrorCase("type error: a quoted number", replacing: "lr: 0.1", with: "lr: '0.1'", #"""
            x.yaml:11:28: error: optimizer.lr: expected a positive number, found the string "0.1"
            optimizer: {name: sgd, lr: '0.1'}
                                       ^
            """#),
        ErrorCase("type error: mapping expected", replacing: #"""
            train:
              epochs: 10
            """#, with: "train: [10]", #"""
            x.yaml:9:8: error: train: expected a mapping, found a sequence
            train: [10]
                   ^
            """#),
        ErrorCase("type error: sequence expected", replacing: #"""
            model:
              - dense: 16
                activation: relu
              - dense: 3
            """#, with: "model: {dense: 3}", #"""
            x.yaml:5:8: error: model: expected a sequence of layers, found a mapping
            model: {dense: 3}
                   ^
            """#),
        ErrorCase("type error: a layer that is not a mapping", replacing: "  - dense: 3", with: "  - dense", #"""
            x.yaml:8:5: error: model[1]: expected a mapping, found "dense"
              - dense
                ^
            """#),
        ErrorCase("type error: bool", replacing: "{name: adam, lr: 0.01}", with: "{name: adam, amsgrad: yes}", #"""
            x.yaml:15:38: error: variants.adam.optimizer.amsgrad: expected true or false, found "yes"
                optimizer: {name: adam, amsgrad: yes}
                                                 ^
            """#),
        ErrorCase("type error: a sequence for an optimizer", replacing: "{name: adam, lr: 0.01}", with: "[adam]", #"""
            x.yaml:15:16: error: variants.adam.optimizer: expected an optimizer name or a mapping, found a sequence
                optimizer: [adam]
                           ^
            """#),
        ErrorCase("type error: a mapping for a name", replacing: "activation: relu", with: "activation: {relu: 1}", #"""
            x.yaml:7:17: error: model[0].activation: expected an activation name, found a mapping
                activation: {relu: 1}
                            ^
            """#),
        ErrorCase("huge integer", replacing: "epochs: 10", with: "epochs: 99999999999999999999", #"""
            x.yaml:10:11: error: train.epochs: expected a positive integer up to 1000000, found 99999999999999999999
              epochs: 99999999999999999999
                      ^
            """#),
        ErrorCase("integer above its bound", replacing: "dense: 16", with: "dense: 1000000", #"""
            x.yaml:6:12: error: model[0].dense: expected a positive integer up to 100000, found 1000000
              - dense: 1000000
                       ^
            """#),
        ErrorCase("negative lr", replacing: "lr: 0.1", with: "lr: -0.1", #"""
            x.yaml:11:28: error: optimizer.lr: expected a positive number, found -0.1
            optimizer: {name: sgd, lr: -0.1}
                                       ^
            """#),
        ErrorCase("infinite lr", replacing: "lr: 0.1", with: "lr: .inf", #"""
            x.yaml:11:28: error: optimizer.lr: expected a positive number, found .inf
            optimizer: {name: sgd, lr: .inf}
                                       ^
            """#),
        ErrorCase("zero batch size", replacing: "epochs: 10", with: #"""
            epochs: 10
              batch_size: 0
            """#, #"""
            x.yaml:11:15: error: train.batch_size: expected a positive integer or "full", found 0
              batch_size: 0
                          ^
            """#),
        ErrorCase("batch size of a wrong word", replacing: "epochs: 10", with: #"""
            epochs: 10
              batch_size: all
            """#, #"""
            x.yaml:11:15: error: train.batch_size: expected a positive integer or "full", found "all"
              batch_size: all
                          ^
            """#),
        ErrorCase("beta outside [0, 1)", replacing: "{name: adam, lr: 0.01}", with: "{name: adam, betas: [0.9, 1]}", #"""
            x.yaml:15:42: error: variants.adam.optimizer.betas[1]: expected a number in [0, 1), found 1
                optimizer: {name: adam, betas: [0.9, 1]}
                                                     ^
            """#),
        ErrorCase("one beta", replacing: "{name: adam, lr: 0.01}", with: "{name: adam, betas: [0.9]}", #"""
            x.yaml:15:36: error: variants.adam.optimizer.betas: expected a sequence of two numbers, found a sequence of 1
                optimizer: {name: adam, betas: [0.9]}
                                               ^
            """#),
        ErrorCase("negative momentum", replacing: "lr: 0.1", with: "lr: 0.1, momentum: -1", #"""
            x.yaml:11:43: error: optimizer.momentum: expected a non-negative number, found -1
            optimizer: {name: sgd, lr: 0.1, momentum: -1}
                                                      ^
            """#),
        ErrorCase("dampening above 1", replacing: "lr: 0.1", with: "lr: 0.1, dampening: 1.5", #"""
            x.yaml:11:44: error: optimizer.dampening: expected a number in [0, 1], found 1.5
            optimizer: {name: sgd, lr: 0.1, dampening: 1.5}
                                                       ^
            """#),
        ErrorCase("zero eps", replacing: "{name: adam, lr: 0.01}", with: "{name: adam, eps: 0}", #"""
            x.yaml:15:34: error: variants.adam.optimizer.eps: expected a positive number, found 0
                optimizer: {name: adam, eps: 0}
                                             ^
            """#),
        ErrorCase("validation outside (0, 1)", replacing: "classes: 3", with: #"""
            classes: 3
              validation: 1
            """#, #"""
            x.yaml:5:15: error: data.validation: expected a number in [0, 1), found 1
              validation: 1
                          ^
            """#),
        ErrorCase("one class", replacing: "classes: 3", with: "classes: 1", #"""
            x.yaml:4:12: error: data.classes: expected an integer of at least 2, found 1
              classes: 1
                       ^
            """#),
        ErrorCase("fewer samples than classes", replacing: "classes: 3", with: #"""
            classes: 3
              samples: 2
            """#, #"""
            x.yaml:5:12: error: data.samples: expected at least 3 samples, one per class, found 2
              samples: 2
                       ^
            """#),
        ErrorCase("negative data seed", replacing: "classes: 3", with: #"""
            classes: 3
              seed: -1
            """#, #"""
            x.yaml:5:9: error: data.seed: expected a non-negative integer, found -1
              seed: -1
                    ^
            """#),
        ErrorCase("nesterov without momentum", replacing: "{name: adam, lr: 0.01}", with: "{name: sgd, nesterov: true}", #"""
            x.yaml:15:38: error: variants.adam.optimizer.nesterov: nesterov needs momentum > 0 and dampening = 0
                optimizer: {name: sgd, nesterov: true}
                                                 ^
            """#),
        ErrorCase("nesterov with dampening", replacing: "{name: adam, lr: 0.01}", with: "{name: sgd, momentum: 0.9, dampening: 0.1, nesterov: true}", #"""
            x.yaml:15:69: error: variants.adam.optimizer.nesterov: nesterov needs momentum > 0 and dampening = 0
                optimizer: {name: sgd, momentum: 0.9, dampening: 0.1, nesterov: true}
                                                                                ^
            """#),
        ErrorCase("class count mismatch", replacing: "  - dense: 3", with: "  - dense: 2", #"""
            x.yaml:8:12: error: model[1].dense: expected 3 units to match the 3 classes of dataset spirals, found 2
              - dense: 2
                       ^
            """#),
        ErrorCase("class count mismatch with mse", replacing: "  - dense: 3", with: #"""
              - dense: 4
            loss: mse
            """#, #"""
            x.yaml:8:12: error: model[1].dense: expected 3 units to match the 3 classes of dataset spirals, found 4
              - dense: 4
                       ^
            """#),
        ErrorCase("class count mismatch from a variant's data", replacing: "  sgd: {}", with: "  sgd: {data: {classes: 4}}", #"""
            x.yaml:8:12: error: model[1].dense: expected 4 units to match the 4 classes of dataset spirals, found 3 (in variant "sgd")
              - dense: 3
                       ^
            """#),
        ErrorCase("no optimizer", replacing: #"""
            optimizer: {name: sgd, lr: 0.1}

            """#, with: #"""

            """#, #"""
            x.yaml:12:3: error: variants.sgd: no optimizer: set one here or at the top level
              sgd: {}
              ^
            """#),
        ErrorCase("bad experiment name", replacing: "name: demo", with: "name: my demo", #"""
            x.yaml:1:7: error: name: expected a name made of letters, digits, '-', '_' and '.', not starting with '.', found "my demo"
            name: my demo
                  ^
            """#),
        ErrorCase("name starting with a dot", replacing: "name: demo", with: "name: .hidden", #"""
            x.yaml:1:7: error: name: expected a name made of letters, digits, '-', '_' and '.', not starting with '.', found ".hidden"
            name: .hidden
                  ^
            """#),
        ErrorCase("bad variant name", replacing: "  sgd: {}", with: "  ../sgd: {}", #"""
            x.yaml:13:3: error: variants.../sgd: expected a variant name made of letters, digits, '-', '_' and '.', not starting with '.', found "../sgd"
              ../sgd: {}
              ^
            """#),
        ErrorCase("no variants", replacing: #"""
            variants:
              sgd: {}
              adam:
                optimizer: {name: adam, lr: 0.01}
            """#, with: "variants: {}", #"""
            x.yaml:12:11: error: variants: expected a mapping of variants, found an empty mapping
            variants: {}
                      ^
            """#),
        ErrorCase("a variant that is not a mapping", replacing: "  sgd: {}", with: "  sgd: fast", #"""
            x.yaml:13:8: error: variants.sgd: expected a mapping, found "fast"
              sgd: fast
                   ^
            """#),
        ErrorCase("duplicate seed", replacing: "name: demo", with: #"""
            name: demo
            seeds: [1, 2, 1]
            """#, #"""
            x.yaml:2:15: error: seeds[2]: duplicate seed 1; it is already seeds[0]
            seeds: [1, 2, 1]
                          ^
            """#),
        ErrorCase("no seeds", replacing: "name: demo", with: #"""
            name: demo
            seeds: []
            """#, #"""
            x.yaml:2:8: error: seeds: expected at least one seed, found an empty sequence
            seeds: []
                   ^
            """#),
        ErrorCase("seed beyond 64 bits", replacing: "name: demo", with: #"""
            name: demo
            seeds: 18446744073709551616
            """#, #"""
            x.yaml:2:8: error: seeds: expected a non-negative integer up to 18446744073709551615, found 18446744073709551616
            seeds: 18446744073709551616
                   ^
            """#),
        ErrorCase("yaml syntax error", replacing: "epochs: 10", with: "epochs: 10: 3", #"""
            x.yaml:10:13: error: mapping values are not allowed in this context
              epochs: 10: 3
                        ^
            """#),
        ErrorCase("yaml duplicate key", replacing: "  sgd: {}", with: "  adam: {}", #"""
            x.yaml:14:3: error: duplicate key "adam" on line 14; it was first set on line 13
              adam:
              ^
            """#),
        ErrorCase("the root is not a mapping", text: "- name: demo", #"""
            x.yaml:1:1: error: expected a mapping, found a sequence
            - name: demo
            ^
            """#),
        ErrorCase("empty manifest", text: #"""
            # nothing yet

            """#, #"""
            x.yaml:1:1: error: the manifest is empty; expected a mapping with the keys name, data, model, train and variants
            # nothing yet
            ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
