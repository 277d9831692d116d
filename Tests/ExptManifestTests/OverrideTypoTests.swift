import Testing
@testable import ExptManifest

/// A `--set` that adds a variant by a typo, or that changes no run, is refused.
struct OverrideTypoTests {
    private func overrideError(_ overrides: [String], text: String = baseManifest) -> String? {
        do {
            _ = try ManifestLoader.decode(text: text, path: "x.yaml", overrides: overrides)
            Issue.record("decoded without error")
            return nil
        } catch {
            return (error as? ManifestError)?.description
        }
    }

    @Test func aMisspeltVariantIsRefusedWithTheNearestName() {
        #expect(overrideError(["variants.adamm.optimizer.lr=0.1"])
            == #"--set variants.adamm.optimizer.lr=0.1: error: variants.adamm: unknown variant "adamm"; did you mean "adam"?"#)
    }

    @Test func anUnknownVariantFarFromEveryNameListsTheDeclaredOnes() {
        #expect(overrideError(["variants.lion.optimizer.lr=0.1"])
            == #"--set variants.lion.optimizer.lr=0.1: error: variants.lion: unknown variant "lion"; the manifest declares "sgd", "adam""#)
    }

    @Test func theValueTheManifestAlreadyHasChangesNoRun() {
        #expect(overrideError(["train.epochs=10"])
            == "--set train.epochs=10: error: train.epochs: changes no run: the manifest has this value already, every variant sets its own, or a later --set replaces it")
    }

    @Test func aTopLevelSettingThatEveryVariantOverridesChangesNoRun() {
        let text = edit(baseManifest, "sgd: {}", "sgd: {optimizer: {name: sgd, lr: 0.2}}")
        #expect(overrideError(["optimizer.lr=0.5", "variants.adam.optimizer.lr=0.5"], text: text)
            == "--set optimizer.lr=0.5: error: optimizer.lr: changes no run: the manifest has this value already, every variant sets its own, or a later --set replaces it")
    }

    @Test func anOverrideThatALaterOneReplacesChangesNoRun() {
        #expect(overrideError(["train.epochs=5", "train.epochs=7"])
            == "--set train.epochs=5: error: train.epochs: changes no run: the manifest has this value already, every variant sets its own, or a later --set replaces it")
    }

    @Test func aSettingOfTheExperimentItselfIsAChange() throws {
        let experiment = try ManifestLoader.decode(text: baseManifest, path: "x.yaml", overrides: ["name=other", "variants.adam.train.epochs=3"])
        #expect(experiment.name == "other")
        #expect(experiment.variants.map(\.config.train.epochs) == [10, 3])
    }
}
