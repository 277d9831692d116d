import ExptOptim
import ExptTestSupport
import Testing
@testable import ExptManifest

/// `--set` and `extends` with a manifest's own optimizers: a use can be set as a built-in's
/// can, and a definition can be changed key by key.
struct OwnOptimizerOverrideTests {
    static let manifest = OwnOptimizerDecodingTests.manifest(variants: """
          a: {optimizer: my-adamw}
          b: {optimizer: {name: adamw, lr: 0.001}}
        """)

    private func decode(_ overrides: [String]) throws -> Experiment {
        try ManifestLoader.decode(text: Self.manifest, path: "x.yaml", overrides: overrides)
    }

    /// The error of `overrides`, recording an issue when there is none.
    private func overrideError(_ overrides: [String]) -> String? {
        (try? #require(throws: ManifestError.self) { try decode(overrides) })?.description
    }

    @Test func aDefinitionIsSetKeyByKeyAndEveryUseFollows() throws {
        // my-adamw is a bare mapping here; my-fast builds on it and so follows too.
        let experiment = try decode(["optimizers.my-adamw.weight_decay=0.2", "variants.b.optimizer.name=my-fast"])
        var a = OwnOptimizerDecodingTests.myAdamW
        a.weightDecay = 0.2
        // b keeps its own lr: 0.001, written at the use, over my-fast's 0.01.
        #expect(experiment.variants.map(\.config.optimizer) == [.adamw(a), .adamw(a)])
        #expect(experiment.variants.map(\.optimizerName) == ["my-adamw", "my-fast"])
    }

    @Test func aBareDefinitionIsReadAsItsMapping() throws {
        let text = edit(Self.manifest, "my-fast: {name: my-adamw, lr: 0.01}", "my-fast: my-adamw")
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml", overrides: [
            "optimizers.my-fast.lr=0.5", "variants.a.optimizer=my-fast",
        ])
        var fast = OwnOptimizerDecodingTests.myAdamW
        fast.lr = 0.5
        #expect(experiment.variants.first?.config.optimizer == .adamw(fast))
    }

    @Test func aUseIsSetAsABuiltInsIs() throws {
        let experiment = try decode(["variants.a.optimizer.lr=0.03"])
        var a = OwnOptimizerDecodingTests.myAdamW
        a.lr = 0.03
        #expect(experiment.variants.first?.config.optimizer == .adamw(a))
    }

    @Test func aTopLevelOwnOptimizerIsSetAtItsUse() throws {
        let text = edit(Self.manifest, "optimizer: {name: sgd, lr: 0.1}", "optimizer: my-adamw")
            .replacingOccurrences(of: "  b: {optimizer: {name: adamw, lr: 0.001}}", with: "  b: {}")
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml", overrides: ["optimizer.lr=0.5"])
        var b = OwnOptimizerDecodingTests.myAdamW
        b.lr = 0.5
        // a names the top-level optimizer again (`optimizer: my-adamw`), so it merges with it: lr 0.5 too.
        #expect(experiment.variants.map(\.config.optimizer) == [.adamw(b), .adamw(b)])
        #expect(experiment.variants.map(\.optimizerName) == ["my-adamw", "my-adamw"])
    }

    @Test func aWholeNewDefinitionMayBeAdded() throws {
        let experiment = try decode(["optimizers.heavy={name: sgd, momentum: 0.9}", "variants.a.optimizer=heavy"])
        #expect(experiment.variants.first?.config.optimizer == .sgd(SGDHyperparameters(lr: 0.001, momentum: 0.9)))
        #expect(experiment.variants.first?.optimizerName == "heavy")
    }

    @Test(arguments: [
        (["optimizers.my-adamv.weight_decay=0.2"],
         #"--set optimizers.my-adamv.weight_decay=0.2: error: optimizers.my-adamv: unknown optimizer "my-adamv" in optimizers; did you mean "my-adamw"?"#),
        (["optimizers.heavy.lr=0.2"],
         #"--set optimizers.heavy.lr=0.2: error: optimizers.heavy: unknown optimizer "heavy" in optimizers; the manifest defines "my-adamw", "my-fast""#),
        (["optimizers.my-adamw.momentum=0.9"],
         #"--set optimizers.my-adamw.momentum=0.9: error: optimizers.my-adamw.momentum: unknown key "momentum"; expected one of: amsgrad, betas, eps, lr, name, weight_decay"#),
        (["variants.b.optimizer.name=my-fats"],
         #"--set variants.b.optimizer.name=my-fats: error: variants.b.optimizer.name: unknown optimizer "my-fats"; did you mean "my-fast"?"#),
    ])
    func refused(_ overrides: [String], _ expected: String) {
        #expect(overrideError(overrides) == expected)
    }

    @Test func aBaseFilesDefinitionsAreMergedOneByOne() throws {
        let folder = try TemporaryFolder("manifest")
        defer { folder.remove() }
        try folder.write(Self.manifest, to: "base.yaml")
        let path = try folder.write("""
            extends: base.yaml
            optimizers:
              my-adamw: {lr: 0.02}
              heavy: {name: sgd, momentum: 0.9}
            variants:
              b: {optimizer: heavy}

            """, to: "child.yaml")
        let experiment = try ManifestLoader.load(path: path)
        var a = OwnOptimizerDecodingTests.myAdamW
        a.lr = 0.02
        #expect(experiment.variants.map(\.config.optimizer) == [.adamw(a), .sgd(SGDHyperparameters(lr: 0.001, momentum: 0.9))])
    }
}
