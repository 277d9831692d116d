import Testing

@testable import ExptManifest

/// The overrides recorded at the top of a results folder's manifest.yaml read back in order.
@Suite struct RecordedManifestTests {
    @Test func overridesRoundTrip() {
        let overrides = ["train.epochs=5", "variants.adam.optimizer.lr=3e-4", "seeds=[0, 1]"]
        let text = RecordedManifest.text(manifest: "name: x\n", path: "x.yaml", overrides: overrides, baseFiles: [])
        #expect(RecordedManifest.overrides(in: text) == overrides)
    }

    @Test func aManifestWithoutTheHeaderHasNoOverrides() {
        #expect(RecordedManifest.overrides(in: "name: x\n#   --set train.epochs=5\n") == [])
        #expect(RecordedManifest.overrides(in: "") == [])
    }

    @Test func baseFilesRoundTrip() throws {
        let text = RecordedManifest.text(manifest: "name: x\nextends: base.yaml\n", path: "experiments/x.yaml", overrides: [],
                                         baseFiles: [("experiments/base.yaml", "seeds: [0]\n\ntrain: {epochs: 2}\n")])
        let bases = try #require(RecordedManifest.bases(in: text))
        #expect(bases.manifestPath == "experiments/x.yaml")
        #expect(bases.files == ["experiments/base.yaml": "seeds: [0]\n\ntrain: {epochs: 2}\n"])
        #expect(RecordedManifest.bases(in: "name: x\n") == nil)
    }
}
