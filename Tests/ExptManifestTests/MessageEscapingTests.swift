import Testing
@testable import ExptManifest

/// Names in messages: control characters escaped, the source of a variant name right, and a
/// failed `extends` reported alone.
struct MessageEscapingTests {
    @Test func controlCharactersInAKeyAreEscaped() {
        let text = edit(baseManifest, "optimizer: {name: sgd, lr: 0.1}", "optimizer: {name: sgd, \"l\\er\\0\": 0.1}")
        #expect(errorText(text) == #"""
            x.yaml:11:24: error: optimizer.l\u{1B}r\u{0}: unknown key "l\u{1B}r\u{0}"; expected one of: dampening, lr, momentum, name, nesterov, weight_decay
            optimizer: {name: sgd, "l\er\0": 0.1}
                                   ^
            """#)
    }

    @Test func aLineBreakInAnOverrideIsEscaped() throws {
        let error = try #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: baseManifest, path: "x.yaml", overrides: ["variants.ad\nam.train.epochs=2"])
        }
        #expect(error.description == #"--set variants.ad\nam.train.epochs=2: error: variants.ad\nam: unknown variant "ad\nam"; did you mean "adam"?"#)
    }

    @Test func aFailedExtendsIsReportedWithoutTheKeysItWasToBring() throws {
        let error = try #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: "extends: missing-base.yaml\nvariants:\n  a: {}\n", path: "x.yaml")
        }
        #expect(error.description == #"""
            x.yaml:1:10: error: extends: cannot read "missing-base.yaml" (no such file or directory)
            extends: missing-base.yaml
                     ^
            """#)
    }
}
