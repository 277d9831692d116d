import ExptOptim
import Testing
@testable import ExptManifest

/// The JSON Schema takes the manifest's own optimizers where it takes an optimizer, and refuses
/// a definition named as a built-in.
struct OwnOptimizerJSONSchemaTests {
    @Test func aManifestWithItsOwnOptimizersFitsTheSchema() throws {
        let text = OwnOptimizerDecodingTests.manifest(variants: """
              bare: {optimizer: my-adamw}
              keyed: {optimizer: {name: my-fast, lr: 3.0e-4}}
              grouped:
                param_groups: [{layers: [0], optimizer: my-fast}]
            """)
        #expect(try ManifestJSONSchemaTests.failures(text).map(\.description) == [])
    }

    @Test func aBuiltInsNameAsADefinitionFailsTheSchema() throws {
        let text = OwnOptimizerDecodingTests.manifest(variants: "  a: {}").replacingOccurrences(of: "my-fast:", with: "adam:")
        let pattern = ManifestJSONSchema.ownOptimizerPattern
        let failures = try ManifestJSONSchemaTests.failures(text).map(\.description)
        #expect(failures == ["optimizers.adam: key name: expected a match of \(pattern), found \"adam\""], "\(failures)")
    }

    @Test func theNamePatternIsTheDecodersRule() throws {
        let pattern = ManifestJSONSchema.ownOptimizerPattern
        // Every built-in's name is excluded, in the registry's order.
        let names = OptimizerRegistry.kinds.map { $0.name }.joined(separator: "|")
        #expect(pattern == "^(?!(\(names))$)[A-Za-z][A-Za-z0-9_-]{0,99}$")
        for name in ["my-adamw", "a", "Heavy_2", "adamw2", "sgd-nesterov"] {
            #expect(try JSONSchemaValidator.matches(name, pattern), "\(name)")
        }
        for name in ["adam", "sgd", "2nd", "my.adam", "-x", "", String(repeating: "a", count: 101)] {
            #expect(try !JSONSchemaValidator.matches(name, pattern), "\(name)")
        }
    }
}
