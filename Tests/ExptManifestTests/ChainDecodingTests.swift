import ExptOptim
import Foundation
import Testing
@testable import ExptManifest

/// `optimizer: {chain: [...], lr: …}`: the three ways to write an entry, chains in variants,
/// sweeps, overrides and parameter groups, and the stored form.
struct ChainDecodingTests {
    /// A manifest whose optimizer is a chain written in block style, one entry on each of lines 11 to 14.
    static let chainManifest = """
        name: demo
        data:
          dataset: spirals
          classes: 3
        model:
          - dense: 3
        train:
          epochs: 1
        optimizer:
          chain:
            - trace: 0.5
            - scale_by_adam: {betas: [0.8, 0.99], eps: 1.0e-6}
            - add_decayed_weights: 0.01
            - scale_by_learning_rate
          lr: 0.003
        variants:
          chained: {}
        """

    /// The chain `chainManifest` writes.
    static let chain = ChainSettings([Trace(decay: 0.5), ScaleByAdam(beta1: 0.8, beta2: 0.99, eps: 1e-6),
                                      AddDecayedWeights(weightDecay: 0.01), ScaleByLearningRate()], lr: 0.003)

    static func optimizers(_ text: String, overrides: [String] = []) throws -> [OptimizerConfig] {
        try ManifestLoader.decode(text: text, path: "x.yaml", overrides: overrides).variants.map(\.config.optimizer)
    }

    @Test func blockStyleChain() throws {
        #expect(try Self.optimizers(Self.chainManifest) == [OptimizerConfig(Self.chain)])
    }

    @Test func flowStyleChainAtTheDefaultRate() throws {
        let text = edit(baseManifest, "{name: sgd, lr: 0.1}", "{chain: [scale_by_adam, scale_by_learning_rate]}")
        #expect(try Self.optimizers(text)[0] == OptimizerConfig(ChainSettings([ScaleByAdam(), ScaleByLearningRate()], lr: 0.001)))
    }

    /// No value is every default; a value that is not a mapping is the table's first setting.
    @Test func entryValues() throws {
        let text = edit(baseManifest, "{name: sgd, lr: 0.1}",
                        "{chain: [scale_by_rms: null, scale_by_adam: [0.5, 0.6], trace: {nesterov: true}, scale_by_learning_rate], lr: 0.5}")
        let expected = ChainSettings([ScaleByRMS(), ScaleByAdam(beta1: 0.5, beta2: 0.6), Trace(decay: 0.9, nesterov: true),
                                      ScaleByLearningRate()], lr: 0.5)
        #expect(try Self.optimizers(text)[0] == OptimizerConfig(expected))
    }

    /// A chain and a named optimizer replace each other in a variant (nothing of one leaks into
    /// the other); a variant that gives only `lr` keeps the top-level chain.
    @Test func variants() throws {
        let overNamed = edit(baseManifest, "{name: adam, lr: 0.01}", "{chain: [scale_by_rss, scale_by_learning_rate]}")
        #expect(try Self.optimizers(overNamed)[1] == OptimizerConfig(ChainSettings([ScaleByRSS(), ScaleByLearningRate()], lr: 0.001)))
        let overChain = edit(Self.chainManifest, "  chained: {}", """
              chained: {}
              faster: {optimizer: {lr: 0.01}}
              named: {optimizer: adam}
              other: {optimizer: {chain: [scale_by_learning_rate]}}
            """)
        var faster = Self.chain
        faster.lr = 0.01
        #expect(try Self.optimizers(overChain) == [OptimizerConfig(Self.chain), OptimizerConfig(faster), .adam(AdamHyperparameters()),
                                                   OptimizerConfig(ChainSettings([ScaleByLearningRate()], lr: 0.003))])
    }

    /// A manifest's own optimizer may be a chain, used as a built-in's name is, with keys at
    /// the use laid over its definition.
    @Test func ownOptimizerWrittenAsAChain() throws {
        let text = edit(Self.chainManifest, "variants:\n  chained: {}", """
            optimizers:
              my-chain: {chain: [scale_by_rms, scale_by_learning_rate], lr: 0.01}
            variants:
              chained: {}
              own: {optimizer: my-chain}
              faster: {optimizer: {name: my-chain, lr: 0.1}}
            """)
        let rms = [ScaleByRMS(), ScaleByLearningRate()] as [any Transformation]
        #expect(try Self.optimizers(text) == [OptimizerConfig(Self.chain), OptimizerConfig(ChainSettings(rms, lr: 0.01)),
                                              OptimizerConfig(ChainSettings(rms, lr: 0.1))])
    }

    /// A wrapper's `base` may be a chain.
    @Test func wrappedChain() throws {
        let text = edit(baseManifest, "{name: sgd, lr: 0.1}", "{name: lookahead, k: 3, base: {chain: [scale_by_adam, scale_by_learning_rate], lr: 0.01}}")
        let lookahead = try #require(try Self.optimizers(text)[0].settings as? LookaheadHyperparameters)
        #expect(lookahead.k == 3)
        #expect(lookahead.base == OptimizerConfig(ChainSettings([ScaleByAdam(), ScaleByLearningRate()], lr: 0.01)))
    }

    @Test func sweepOverTheRate() throws {
        let text = Self.chainManifest + "\nsweep: {grid: {optimizer.lr: [0.1, 0.01]}}\n"
        let points = try ManifestLoader.decode(text: text, path: "x.yaml").variants[0].sweepPoints
        #expect(points.map(\.config.optimizer.learningRate) == [0.1, 0.01])
        #expect(points.map { ($0.config.optimizer.settings as? ChainSettings)?.transformations } == [Self.chain.transformations, Self.chain.transformations])
    }

    /// A sweep reaches into an entry by its index: `optimizer.chain[0].trace` is the momentum.
    @Test func sweepOverATransformationsSetting() throws {
        let text = Self.chainManifest + "\nsweep: {grid: {\"optimizer.chain[0].trace\": [0.8, 0.95]}}\n"
        let points = try ManifestLoader.decode(text: text, path: "x.yaml").variants[0].sweepPoints
        let traces = points.map { ($0.config.optimizer.settings as? ChainSettings)?.transformations[0] }
        #expect(traces == [TransformationConfig(Trace(decay: 0.8)), TransformationConfig(Trace(decay: 0.95))])
    }

    /// `--set` replaces the list, or one entry's setting.
    @Test func setTheChain() throws {
        let replaced = try Self.optimizers(Self.chainManifest, overrides: ["optimizer.chain=[scale_by_rms, scale_by_learning_rate]"])
        #expect(replaced == [OptimizerConfig(ChainSettings([ScaleByRMS(), ScaleByLearningRate()], lr: 0.003))])
        var expected = Self.chain
        expected.transformations[2] = TransformationConfig(AddDecayedWeights(weightDecay: 0.1))
        #expect(try Self.optimizers(Self.chainManifest, overrides: ["optimizer.chain[2].add_decayed_weights=0.1"]) == [OptimizerConfig(expected)])
    }

    @Test func setOverride() throws {
        var expected = Self.chain
        expected.lr = 0.05
        #expect(try Self.optimizers(Self.chainManifest, overrides: ["optimizer.lr=0.05"]) == [OptimizerConfig(expected)])
    }

    @Test func parameterGroup() throws {
        let text = edit(baseManifest, "variants:", """
            param_groups:
              - layers: [1]
                optimizer: {chain: [scale_by_lion, scale_by_learning_rate], lr: 0.0001}
            variants:
            """)
        let groups = try ManifestLoader.decode(text: text, path: "x.yaml").variants[1].config.parameterGroups
        #expect(groups.map(\.optimizer) == [OptimizerConfig(ChainSettings([ScaleByLion(), ScaleByLearningRate()], lr: 0.0001))])
        #expect(groups.map(\.description) == ["layer 1: chain [scale_by_lion, scale_by_learning_rate] (lr 0.0001)"])
    }

    /// `{"chain": {"lr": …, "transformations": [{"<name>": {<settings>}}, …]}}`, read back as the same chain.
    @Test func storedForm() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let config = OptimizerConfig(ChainSettings([ScaleByLion(beta1: 0.5, beta2: 0.9), AddDecayedWeights(weightDecay: 0.01), ScaleByLearningRate()],
                                                   lr: 0.003))
        let json = String(decoding: try encoder.encode(config), as: UTF8.self)
        #expect(json == #"{"chain":{"lr":0.003,"transformations":[{"scale_by_lion":{"beta1":0.5,"beta2":0.9}},"#
                + #"{"add_decayed_weights":{"weightDecay":0.01}},{"scale_by_learning_rate":{}}]}}"#)
        #expect(try JSONDecoder().decode(OptimizerConfig.self, from: Data(json.utf8)) == config)
    }

    static let errors: [ErrorCase] = [
        ErrorCase("misspelt transformation", text: edit(chainManifest, "- trace: 0.5", "- trac: 0.5"), #"""
            x.yaml:11:7: error: optimizer.chain[0].trac: unknown transformation "trac"; did you mean "trace"?
                - trac: 0.5
                  ^
            """#),
        ErrorCase("misspelt bare transformation", text: edit(chainManifest, "- scale_by_learning_rate", "- scale_by_learnig_rate"), #"""
            x.yaml:14:7: error: optimizer.chain[3]: unknown transformation "scale_by_learnig_rate"; did you mean "scale_by_learning_rate"?
                - scale_by_learnig_rate
                  ^
            """#),
        ErrorCase("unknown transformation", text: edit(chainManifest, "- trace: 0.5", "- momentum: 0.5"), #"""
            x.yaml:11:7: error: optimizer.chain[0].momentum: unknown transformation "momentum"; expected one of: add_decayed_weights, add_l2, add_noise, centralize, clip, clip_by_global_norm, ema, scale, scale_by_adadelta, scale_by_adam, scale_by_adamax, scale_by_belief, scale_by_learning_rate, scale_by_lion, scale_by_nadam, scale_by_radam, scale_by_rms, scale_by_rprop, scale_by_rss, scale_by_sign, scale_by_stddev, scale_by_trust_ratio, trace
                - momentum: 0.5
                  ^
            """#),
        ErrorCase("no final step", text: edit(chainManifest, "    - scale_by_learning_rate\n", ""), #"""
            x.yaml:13:7: error: optimizer.chain[2]: a chain must end in scale_by_learning_rate (the step); add `- scale_by_learning_rate` at its end
                - add_decayed_weights: 0.01
                  ^
            """#),
        ErrorCase("step not last", text: edit(chainManifest, "    - trace: 0.5\n", "    - scale_by_learning_rate\n    - trace: 0.5\n"), #"""
            x.yaml:11:7: error: optimizer.chain[0]: scale_by_learning_rate must be the chain's last transformation, and only once
                - scale_by_learning_rate
                  ^
            """#),
        ErrorCase("negative momentum", text: edit(chainManifest, "- trace: 0.5", "- trace: -0.5"), #"""
            x.yaml:11:14: error: optimizer.chain[0].trace: expected a non-negative number, found -0.5
                - trace: -0.5
                         ^
            """#),
        ErrorCase("beta of 1.5", text: edit(chainManifest, "[0.8, 0.99]", "[0.8, 1.5]"), #"""
            x.yaml:12:36: error: optimizer.chain[1].scale_by_adam.betas[1]: expected a number in [0, 1), found 1.5
                - scale_by_adam: {betas: [0.8, 1.5], eps: 1.0e-6}
                                               ^
            """#),
        ErrorCase("a rule across an entry's settings", text: edit(chainManifest, "- trace: 0.5", "- scale_by_rprop: {etaplus: 0.9}"), #"""
            x.yaml:11:33: error: optimizer.chain[0].scale_by_rprop.etaplus: etaplus must be greater than 1
                - scale_by_rprop: {etaplus: 0.9}
                                            ^
            """#),
        ErrorCase("unknown key in an entry", text: edit(chainManifest, "eps: 1.0e-6", "epsilon: 1.0e-6"), #"""
            x.yaml:12:43: error: optimizer.chain[1].scale_by_adam.epsilon: unknown key "epsilon"; expected one of: amsgrad, betas, eps
                - scale_by_adam: {betas: [0.8, 0.99], epsilon: 1.0e-6}
                                                      ^
            """#),
        ErrorCase("a value for a transformation without settings",
                  text: edit(chainManifest, "- scale_by_learning_rate", "- scale_by_learning_rate: 1"), #"""
            x.yaml:14:31: error: optimizer.chain[3].scale_by_learning_rate: scale_by_learning_rate takes no settings; expected nothing, found 1
                - scale_by_learning_rate: 1
                                          ^
            """#),
        ErrorCase("a key for a transformation without settings",
                  text: edit(chainManifest, "- scale_by_learning_rate", "- scale_by_learning_rate: {lr: 0.1}"), #"""
            x.yaml:14:32: error: optimizer.chain[3].scale_by_learning_rate.lr: unknown key "lr"; scale_by_learning_rate takes no settings
                - scale_by_learning_rate: {lr: 0.1}
                                           ^
            """#),
        ErrorCase("settings indented as a second key", text: edit(chainManifest, "- scale_by_adam: {betas: [0.8, 0.99], eps: 1.0e-6}",
                                                                  "- scale_by_adam:\n      betas: [0.8, 0.99]"), #"""
            x.yaml:12:7: error: optimizer.chain[1]: expected one transformation: NAME, NAME: VALUE or NAME: {KEY: VALUE, …}, found a mapping of 2 keys
                - scale_by_adam:
                  ^
            """#),
        ErrorCase("empty chain", text: edit(baseManifest, "{name: sgd, lr: 0.1}", "{chain: [], lr: 0.1}"), #"""
            x.yaml:11:20: error: optimizer.chain: expected at least one transformation, ending in scale_by_learning_rate, found an empty sequence
            optimizer: {chain: [], lr: 0.1}
                               ^
            """#),
        ErrorCase("chain and name", text: edit(chainManifest, "optimizer:\n", "optimizer:\n  name: adam\n"), #"""
            x.yaml:10:3: error: optimizer.name: expected either "name" or "chain", found both; a chain is an optimizer of its own: remove "name"
              name: adam
              ^
            """#),
        ErrorCase("a named optimizer's key beside a chain", text: edit(chainManifest, "  lr: 0.003", "  lr: 0.003\n  betas: [0.9, 0.99]"), #"""
            x.yaml:16:3: error: optimizer.betas: unknown key "betas"; expected one of: chain, lr
              betas: [0.9, 0.99]
              ^
            """#),
        ErrorCase("chain as a name", replacing: "{name: sgd, lr: 0.1}", with: "chain", #"""
            x.yaml:11:12: error: optimizer: "chain" is not an optimizer name; write the chain as optimizer: {chain: [TRANSFORMATION, …, scale_by_learning_rate], lr: VALUE}
            optimizer: chain
                       ^
            """#),
        ErrorCase("misspelt chain key", text: edit(chainManifest, "  chain:\n", "  chian:\n"), #"""
            x.yaml:10:3: error: optimizer.chian: unknown key "chian"; did you mean "chain"?
              chian:
              ^
            x.yaml:10:3: error: optimizer: missing required key "name"
              chian:
              ^
            """#),
    ]

    @Test(arguments: errors)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
