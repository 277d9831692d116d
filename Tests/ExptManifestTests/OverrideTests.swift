import ExptData
import ExptEngine
import ExptOptim
import Testing
@testable import ExptManifest

/// `--set key.path=value`: applied to the YAML tree before decoding, typed by the YAML rules.
struct OverrideTests {
    private func decode(_ overrides: [String]) throws -> Experiment {
        try ManifestLoader.decode(text: baseManifest, path: "x.yaml", overrides: overrides)
    }

    private func overrideError(_ overrides: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            _ = try decode(overrides)
            Issue.record("decoded without error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return (error as? ManifestError)?.description
        }
    }

    @Test func valuesAreTypedByTheYAMLRules() throws {
        let experiment = try decode([
            "train.epochs=5", "seeds=[3, 0x10]", "variants.adam.optimizer.lr=3e-4", "train.batch_size=full", "data.noise=.5",
        ])
        #expect(experiment.seeds == [3, 16])
        let adam = try #require(experiment.variants.last)
        #expect(adam.config.optimizer == .adam(AdamHyperparameters(lr: 3e-4)))
        #expect(adam.config.train.epochs == 5)
        #expect(adam.config.train.batchSize == .full)
        #expect(adam.config.data.dataset == DatasetConfig(SpiralsSettings(classes: 3, noise: 0.5)))
        // The top-level optimizer is untouched: the override was under variants.adam.
        #expect(experiment.variants.first?.config.optimizer == .sgd(SGDHyperparameters(lr: 0.1)))
    }

    @Test func laterOverridesWinAndMappingsAreReplacedNotMerged() throws {
        let experiment = try decode(["train={epochs: 5, batch_size: 8}", "train.epochs=7", "optimizer={name: sgd, momentum: 0.5}"])
        let sgd = try #require(experiment.variants.first)
        #expect(sgd.config.train.epochs == 7)
        #expect(sgd.config.train.batchSize == .size(8))
        // lr: 0.1 was in the replaced mapping, so torch's default 0.001 applies.
        #expect(sgd.config.optimizer == .sgd(SGDHyperparameters(lr: 0.001, momentum: 0.5)))
    }

    @Test func newKeysAndIndicesAndBareOptimizerNames() throws {
        let text = edit(baseManifest, "adam:\n    optimizer: {name: adam, lr: 0.01}", "adam:\n    optimizer: adam")
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml", overrides: [
            "variants.adam.optimizer.eps=1e-6", "model[0].dense=4", "variants.adam.train.epochs=2",
        ])
        #expect(experiment.variants.map(\.name) == ["sgd", "adam"])
        #expect(experiment.variants[1].config.optimizer == .adam(AdamHyperparameters(eps: 1e-6)))
        #expect(experiment.variants[0].config.model.first == .dense(DenseSpec(units: 4, activation: .relu)))
        #expect(experiment.variants[1].config.train.epochs == 2)
    }

    @Test func theResultsRecordTheOverrides() throws {
        let experiment = try decode(["train.epochs=5", "seeds=[0, 1]"])
        #expect(experiment.overrides == ["train.epochs=5", "seeds=[0, 1]"])
        #expect(experiment.sourceText == """
            # expt read this manifest with these overrides (pass them again to reproduce):
            #   --set train.epochs=5
            #   --set seeds=[0, 1]

            """ + baseManifest)
    }

    static let errorCases: [(overrides: [String], expected: String)] = [
        (["train.epochs=ten"], #"--set train.epochs=ten: error: train.epochs: expected a positive integer, found "ten""#),
        (["train.epochs=\"5\""], #"--set train.epochs="5": error: train.epochs: expected a positive integer, found the string "5""#),
        (["train.epochz=5"], #"--set train.epochz=5: error: train.epochz: unknown key "epochz"; did you mean "epochs"?"#),
        (["variants.adam.optimizer.lr=-1"], "--set variants.adam.optimizer.lr=-1: error: variants.adam.optimizer.lr: expected a positive number, found -1"),
        (["train.epochs"], #"--set train.epochs: error: expected key.path=value, found no "=""#),
        (["train..epochs=1"], #"--set train..epochs=1: error: expected a key path such as train.epochs or model[0].dense before "=", found "train..epochs""#),
        (["model[x].dense=1"], #"--set model[x].dense=1: error: expected a key path such as train.epochs or model[0].dense before "=", found "model[x].dense""#),
        (["train.epochs=[1"], "--set train.epochs=[1: error: train.epochs: the value is not valid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        (["train.epochs.max=1"], #"--set train.epochs.max=1: error: train.epochs: expected a mapping to set "max" in, found 10"#),
        (["model[2].dense=1"], "--set model[2].dense=1: error: model: cannot set item 2 of a sequence of 2 (indices 0 to 1)"),
        (["train[0]=1"], "--set train[0]=1: error: train: expected a sequence to set item 0 of, found a mapping"),
    ]

    @Test(arguments: errorCases)
    func errorsNameTheOverride(_ overrides: [String], _ expected: String) {
        #expect(overrideError(overrides) == expected)
    }

    @Test func errorsOfTheFileAndOfOverridesAreReportedTogether() {
        let text = edit(baseManifest, "lr: 0.1", "lr: fast")
        let error = try? #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: text, path: "x.yaml", overrides: ["train.epochs=0", "train.threads=x"])
        }
        #expect(error?.description == #"""
            x.yaml:11:28: error: optimizer.lr: expected a positive number, found "fast"
            optimizer: {name: sgd, lr: fast}
                                       ^
            --set train.epochs=0: error: train.epochs: expected a positive integer, found 0
            --set train.threads=x: error: train.threads: expected a positive integer, found "x"
            """#)
    }
}
