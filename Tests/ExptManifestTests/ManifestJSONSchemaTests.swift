import ExptYAML
import Foundation
import Testing
@testable import ExptManifest
import ExptTestSupport

/// ``ManifestJSONSchema`` against real manifests and against the decoder: every manifest under
/// `experiments/` and every setting the schema tables list fit it, and values and keys the
/// decoder refuses do not. A validator for the subset of JSON Schema it uses is in
/// `JSONSchemaValidator.swift`.
@Suite struct ManifestJSONSchemaTests {
    static let repository = FixtureFile.repository

    /// The example manifests, and this target's valid fixtures.
    static let manifests: [String] = {
        let experiments = (try? FileManager.default.contentsOfDirectory(atPath: repository.path + "/experiments")) ?? []
        let fixtures = ["adam-vs-sgd.yaml", "full.yaml", "readme-example.yaml"].map { "Tests/ExptManifestTests/Fixtures/" + $0 }
        return experiments.filter { $0.hasSuffix(".yaml") }.sorted().map { "experiments/" + $0 } + fixtures
    }()

    static func failures(_ text: String) throws -> [JSONSchemaValidator.Failure] {
        try JSONSchemaValidator(root: ManifestJSONSchema.document).validate(JSONValue(yaml: YAML.parse(text, path: "x.yaml")))
    }

    @Test func thereAreExperiments() {
        #expect(Self.manifests.filter { $0.hasPrefix("experiments/") }.count >= 4)
    }

    @Test(arguments: manifests)
    func everyManifestFitsTheSchema(_ file: String) throws {
        let text = try String(contentsOfFile: Self.repository.path + "/" + file, encoding: .utf8)
        #expect(try Self.failures(text) == [])
        // The decoder agrees that it is valid (its data files, if any, exist beside it).
        #expect(throws: Never.self) { try ManifestLoader.decode(text: text, path: Self.repository.path + "/" + file) }
    }

    @Test(arguments: SchemaCase.all)
    func everyListedSettingFitsTheSchema(_ c: SchemaCase) throws {
        let value = try #require(c.value)
        #expect(try Self.failures(c.manifest(value: value)) == [], "\(c.testDescription): \(value)")
    }

    @Test(arguments: SchemaCase.typed)
    func everyValueTheDecoderRefusesForItsTypeFailsTheSchema(_ c: SchemaCase) throws {
        for (value, _) in ManifestSchemaTests.refusals(of: c.setting.kind) {
            #expect(try !Self.failures(c.manifest(value: value)).isEmpty, "\(c.testDescription): \(value) fits")
        }
    }

    @Test(arguments: RefusedKey.all)
    func everyKeyTheDecoderRefusesFailsTheSchema(_ refused: RefusedKey) throws {
        #expect(try !Self.failures(refused.schemaCase.manifest(value: "1")).isEmpty, "\(refused.testDescription) fits")
    }

    /// A broken manifest: an edit of ``baseManifest`` and the validator's exact failures.
    struct Broken: CustomTestStringConvertible, Sendable {
        var old: String
        var new: String
        var failures: [String]
        var testDescription: String { new }
    }

    /// Datasets: 11 generated or read from files, 5 test functions, and the settings of a
    /// variant without `dataset`. Optimizers and models are optional: a value or null.
    static let broken: [Broken] = {
        let name = ManifestJSONSchema.namePattern
        return [
            Broken(old: "  epochs: 10", new: "  epochs: ten", failures: ["train.epochs: expected integer, found string"]),
            Broken(old: "  epochs: 10", new: "  epochs: 10\n  epoch: 2", failures: ["train: unknown key \"epoch\""]),
            Broken(old: "  epochs: 10", new: "  epochs: 0", failures: ["train.epochs: expected minimum 1, found 0"]),
            Broken(old: "name: demo", new: "name: demo\nlrr: 0.1", failures: ["(top level): unknown key \"lrr\""]),
            Broken(old: "name: demo", new: "name: .demo", failures: ["name: expected a match of \(name), found \".demo\""]),
            Broken(old: "  sgd: {}", new: "  sgd: {optimiser: adam}", failures: ["variants.sgd: unknown key \"optimiser\""]),
            Broken(old: "  sgd: {}", new: "  sgd: []", failures: ["variants.sgd: expected object or null, found array"]),
            Broken(old: "  sgd: {}", new: "  s g d: {}", failures: ["variants.s g d: key name: expected a match of \(name), found \"s g d\""]),
            Broken(old: "{name: sgd, lr: 0.1}", new: "{name: sgd, lrr: 0.1}", failures: ["optimizer: matches 0 of the 2 alternatives of anyOf"]),
            Broken(old: "{name: sgd, lr: 0.1}", new: "{lr: 0.1}", failures: ["(top level): matches 0 of the 2 alternatives of anyOf"]),
            Broken(old: "{name: sgd, lr: 0.1}", new: "[sgd]", failures: ["optimizer: matches 0 of the 2 alternatives of anyOf"]),
            Broken(old: "  classes: 3", new: "  classes: 1", failures: ["data: matches 0 of the 23 alternatives of oneOf"]),
            Broken(old: "  dataset: spirals", new: "  dataset: spiral", failures: ["data: matches 0 of the 23 alternatives of oneOf"]),
            Broken(old: "  - dense: 16", new: "  - dense: 16.5", failures: ["model: matches 0 of the 2 alternatives of anyOf"]),
            Broken(old: "  - dense: 3", new: "  - dense: 3\n    activation: softmax", failures: ["model: matches 0 of the 2 alternatives of anyOf"]),
            Broken(old: "name: demo", new: "name: demo\nseeds: [1, 1]", failures: ["seeds: matches 0 of the 3 alternatives of oneOf"]),
            Broken(old: "  sgd: {}\n  adam:\n    optimizer: {name: adam, lr: 0.01}", new: "  {}", failures: ["variants: expected at least 1 key, found 0"]),
            Broken(old: "name: demo", new: "", failures: ["(top level): matches 0 of the 2 alternatives of anyOf"]),
        ]
    }()

    @Test(arguments: broken)
    func brokenManifestsFailTheSchema(_ b: Broken) throws {
        let failures = try Self.failures(edit(baseManifest, b.old, b.new)).map(\.description)
        #expect(failures == b.failures, "\(failures)")
    }
}
