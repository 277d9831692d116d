import ExptManifest
import ExptOptim
import Testing

@testable import ExptRunner

@Suite struct RunIDTests {
    @Test func theIdIsTheHashOfTheNumericsVersionAndTheCanonicalSettings() {
        let spec = sampleSpec()
        let expected = SHA256.hex(of: "expt numerics \(NumericsVersion.current)\n" + spec.canonicalJSON()).prefix(16)
        #expect(spec.id == String(expected))
        #expect(spec.id.count == 16)
        #expect(spec.id.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func theCanonicalTextHasSortedKeysAndEveryResolvedSetting() {
        let text = sampleSpec().canonicalJSON()
        // Defaults appear written out, so a manifest that states them gets the same id.
        for fragment in ["\"momentum\" : 0", "\"nesterov\" : false", "\"threads\" : 1", "\"validation\" : 0.2", "\"seed\" : 0"] {
            #expect(text.contains(fragment), "no \(fragment) in \(text)")
        }
        #expect(text.hasPrefix("{\n  \"config\" : {\n    \"data\" : {\n"))
        #expect(text.hasSuffix("  },\n  \"seed\" : 0,\n  \"sweep\" : [\n\n  ],\n  \"variant\" : \"sgd\"\n}\n"))
    }

    @Test func theSameSettingsGiveTheSameId() {
        #expect(sampleSpec().id == sampleSpec().id)
        var spelledOut = sampleSpec()
        spelledOut.config.optimizer = .sgd(SGDHyperparameters(lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0))
        #expect(spelledOut.id == sampleSpec().id)
    }

    @Test(arguments: [
        ("variant", sampleSpec(variant: "other")),
        ("seed", sampleSpec(seed: 1)),
        ("learning rate", sampleSpec(lr: 0.10000000000000002)),
    ])
    func anyChangedSettingGivesAnotherId(change: String, spec: RunSpec) {
        #expect(spec.id != sampleSpec().id, "changing the \(change) kept the id")
    }

    @Test func everyFieldOfTheConfigChangesTheId() {
        var threads = sampleSpec()
        threads.config.train.threads = 2
        var epochs = sampleSpec()
        epochs.config.train.epochs = 4
        var dataSeed = sampleSpec()
        dataSeed.config.data.seed = 1
        var loss = sampleSpec()
        loss.config.loss = .meanSquaredError
        let ids = Set([sampleSpec(), threads, epochs, dataSeed, loss].map(\.id))
        #expect(ids.count == 5)
    }
}
