import ExptOptim
import Testing
@testable import ExptManifest

/// `optimizers:`: a manifest's own optimizers, used by name wherever a built-in's name is, decode
/// to the built-in they resolve to, with the name kept beside for the reports.
struct OwnOptimizerDecodingTests {
    /// ``baseManifest`` with `optimizers:` defining `my-adamw` (and `my-fast` on top of it), and
    /// `variants` replaced by `variants`.
    static func manifest(variants: String, extra: String = "") -> String {
        let own = """
            optimizers:
              my-adamw: {name: adamw, weight_decay: 0.1, betas: [0.9, 0.95]}
              my-fast: {name: my-adamw, lr: 0.01}
            \(extra)variants:
            """
        let head = edit(baseManifest, "variants:\n  sgd: {}\n  adam:\n    optimizer: {name: adam, lr: 0.01}", "")
        return head + own + "\n" + variants
    }

    static let myAdamW = AdamWHyperparameters(lr: 0.001, beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1)

    @Test func aNameIsUsedAsABuiltInIsAndResolvesToIt() throws {
        let text = Self.manifest(variants: """
              bare: {optimizer: my-adamw}
              keyed: {optimizer: {name: my-adamw, lr: 3.0e-4}}
              chained: {optimizer: my-fast}
              chained-keyed: {optimizer: {name: my-fast, weight_decay: 0.0, eps: 1.0e-6}}
              builtin: {}
            """)
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        let optimizers = experiment.variants.map(\.config.optimizer)
        var keyed = Self.myAdamW
        keyed.lr = 3e-4
        var chained = Self.myAdamW
        chained.lr = 0.01
        var chainedKeyed = chained
        chainedKeyed.weightDecay = 0
        chainedKeyed.eps = 1e-6
        #expect(optimizers == [.adamw(Self.myAdamW), .adamw(keyed), .adamw(chained), .adamw(chainedKeyed), .sgd(SGDHyperparameters(lr: 0.1))])
        #expect(experiment.variants.map(\.optimizerName) == ["my-adamw", "my-adamw", "my-fast", "my-fast", nil])
    }

    @Test func theStoredConfigIsTheBuiltInWrittenOut() throws {
        let own = Self.manifest(variants: "  a: {optimizer: {name: my-adamw, lr: 0.01}}")
        let written = edit(baseManifest, "variants:\n  sgd: {}\n  adam:\n    optimizer: {name: adam, lr: 0.01}",
                           "variants:\n  a: {optimizer: {name: adamw, lr: 0.01, weight_decay: 0.1, betas: [0.9, 0.95]}}")
        let ownRuns = try ManifestLoader.decode(text: own, path: "x.yaml").runs
        let writtenRuns = try ManifestLoader.decode(text: written, path: "x.yaml").runs
        #expect(ownRuns == writtenRuns)
    }

    @Test func aTopLevelOwnOptimizerMergesWithAVariantsKeysOrIsReplacedByAnotherName() throws {
        let text = edit(Self.manifest(variants: """
              same: {optimizer: {lr: 0.02}}
              other: {optimizer: {name: adamw, lr: 0.02}}
            """), "optimizer: {name: sgd, lr: 0.1}", "optimizer: my-adamw")
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        var same = Self.myAdamW
        same.lr = 0.02
        #expect(experiment.variants.map(\.config.optimizer) == [.adamw(same), .adamw(AdamWHyperparameters(lr: 0.02))])
        #expect(experiment.variants.map(\.optimizerName) == ["my-adamw", nil])
    }

    @Test func parameterGroupsUseOwnOptimizers() throws {
        let text = Self.manifest(variants: """
              grouped:
                optimizer: my-adamw
                param_groups:
                  - {layers: [0], optimizer: {lr: 0.05}}
                  - {layers: [1], optimizer: my-fast}
            """)
        let groups = try #require(try ManifestLoader.decode(text: text, path: "x.yaml").variants.first).config.parameterGroups
        var first = Self.myAdamW
        first.lr = 0.05
        var second = Self.myAdamW
        second.lr = 0.01
        #expect(groups == [ParameterGroup(layers: [0], optimizer: .adamw(first)), ParameterGroup(layers: [1], optimizer: .adamw(second))])
    }

    @Test func aSweepOverAnOwnOptimizersKeysAndOverItsName() throws {
        let text = Self.manifest(variants: """
              lr:
                optimizer: my-adamw
                sweep: {grid: {optimizer.lr: [0.1, 0.01]}}
              names:
                optimizer: sgd
                sweep: {grid: {optimizer.name: [my-fast, sgd]}}
            """)
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        var high = Self.myAdamW
        high.lr = 0.1
        var low = Self.myAdamW
        low.lr = 0.01
        #expect(experiment.variants[0].points.map(\.config.optimizer) == [.adamw(high), .adamw(low)])
        #expect(experiment.variants[0].points.map(\.optimizerName) == ["my-adamw", "my-adamw"])
        // `optimizer: sgd` merges with the top-level {name: sgd, lr: 0.1}: that lr, written at the use, stays.
        #expect(experiment.variants[1].points.map(\.config.optimizer) == [.adamw(high), .sgd(SGDHyperparameters(lr: 0.1))])
        #expect(experiment.variants[1].points.map(\.optimizerName) == ["my-fast", nil])
    }

    @Test func aFunctionExperimentUsesOwnOptimizers() throws {
        let text = """
            name: f
            data: {dataset: rosenbrock}
            train: {steps: 3}
            optimizers:
              heavy: {name: sgd, momentum: 0.9, lr: 0.001}
            variants:
              a: {optimizer: heavy}
            """
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        #expect(experiment.variants.map(\.config.optimizer) == [.sgd(SGDHyperparameters(lr: 0.001, momentum: 0.9))])
        #expect(experiment.variants.map(\.optimizerName) == ["heavy"])
    }
}
