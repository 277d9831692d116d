import ExptEngine
import Testing
@testable import ExptManifest

/// Layers read through their kinds' tables: the kind key's value is the first row, the other rows
/// are keys beside it, and defaults that follow other settings are resolved after reading.
struct LayerTableDecodingTests {
    @Test func initializerFollowsTheActivationUnlessGiven() throws {
        let text = edit(baseManifest, "  - dense: 16\n    activation: relu\n  - dense: 3",
                        "  - dense: 16\n    activation: relu\n  - dense: 8\n    activation: relu\n    init: glorot\n  - dense: 3\n    activation: tanh")
        let config = try #require(ManifestLoader.decode(text: text, path: "x.yaml").variants.first?.config)
        #expect(config.model == [
            .dense(DenseSpec(units: 16, activation: .relu, initializer: .he)),
            .dense(DenseSpec(units: 8, activation: .relu, initializer: .xavier)),
            .dense(DenseSpec(units: 3, activation: .tanh, initializer: .xavier)),
        ])
    }

    @Test func aRequiredRowBesideTheKindKeyIsReportedMissing() {
        let text = edit(baseManifest, "  - dense: 16\n    activation: relu", "  - conv2d: 4\n    padding: 1\n  - flatten")
        #expect(errorText(text) == #"""
            x.yaml:6:5: error: model[0]: missing required key "kernel"
              - conv2d: 4
                ^
            """#)
    }
}
