import ExptTestSupport
import Testing
@testable import ExptManifest

/// A variant name brought by a base file or by `--set` is reported where it is written.
struct VariantSourceTests {
    static let base = """
        name: demo
        data: {dataset: spirals, samples: 60, classes: 2}
        model: [{dense: 2}]
        train: {epochs: 3}
        variants:
          "bad name": {optimizer: {name: sgd, lr: 0.1}}
          nooptimizer: {}

        """

    @Test func aVariantOfABaseFileIsReportedInThatFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Self.base, to: "base.yaml")
        let child = try folder.write("extends: base.yaml\nseeds: [0]\n", to: "child.yaml")
        let error = try #require(throws: ManifestError.self) { try ManifestLoader.load(path: child) }
        #expect(error.description == """
            \(folder.path)/base.yaml:6:3: error: variants.bad name: expected a variant name made of letters, digits, '-', '_' and '.', not starting with '.', found "bad name"
              "bad name": {optimizer: {name: sgd, lr: 0.1}}
              ^
            \(folder.path)/base.yaml:7:3: error: variants.nooptimizer: no optimizer: set one here or at the top level
              nooptimizer: {}
              ^
            """)
    }

    @Test func aVariantOfAnOverrideIsReportedAtTheOverride() throws {
        let error = try #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: baseManifest, path: "x.yaml", overrides: [#"variants={"x y": {}, sgd: {}}"#])
        }
        #expect(error.description
            == #"--set variants={"x y": {}, sgd: {}}: error: variants.x y: expected a variant name made of letters, digits, '-', '_' and '.', not starting with '.', found "x y""#)
    }
}
