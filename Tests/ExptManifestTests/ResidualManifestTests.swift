import ExptEngine
import Testing
@testable import ExptManifest

/// `residual` in a manifest: its layers decoded as a model's, `norm` beside them, and the
/// mistakes inside the block shown at their own paths.
@Suite struct ResidualManifestTests {
    static func firstErrorLine(_ model: String) -> String? {
        TransformerManifestTests.firstErrorLine(model)
    }

    @Test func blocksDecodeWithTheirLayersAndNorm() throws {
        let text = TransformerManifestTests.manifest("""
              - dense: 4
              - residual:
                  - {dense: 8, activation: relu}
                  - dense: 4
                norm: pre
              - residual: [{dense: 4}]
              - residual:
                  - residual: [{dense: 4}]
                norm: post
              - dense: 2
            """)
        let config = try #require(ManifestLoader.decode(text: text, path: "x.yaml").variants.first?.config)
        let inner = LayerSpec(ResidualSpec(layers: [.dense(DenseSpec(units: 4))]))
        #expect(config.model == [
            .dense(DenseSpec(units: 4)),
            LayerSpec(ResidualSpec(layers: [.dense(DenseSpec(units: 8, activation: .relu)), .dense(DenseSpec(units: 4))], norm: .pre)),
            inner, LayerSpec(ResidualSpec(layers: [inner], norm: .post)), .dense(DenseSpec(units: 2)),
        ])
    }

    @Test(arguments: [
        ("  - residual: [{dense: 0}]\n  - dense: 2",
         "x.yaml:4:24: error: model[0].residual[0].dense: expected a positive integer, found 0"),
        ("  - residual:\n      - {dense: 2, actvation: relu}\n  - dense: 2",
         "x.yaml:5:20: error: model[0].residual[0].actvation: unknown key \"actvation\"; did you mean \"activation\"?"),
        ("  - residual: {dense: 4}\n  - dense: 2",
         "x.yaml:4:15: error: model[0].residual: expected a sequence of layers, found a mapping"),
        ("  - residual: []\n  - dense: 2",
         "x.yaml:4:15: error: model[0].residual: expected at least one layer, found an empty sequence"),
        ("  - residual: [{dense: 2}]\n    norm: sideways\n  - dense: 2",
         "x.yaml:5:11: error: model[0].norm: unknown norm \"sideways\"; expected one of: none, post, pre"),
        ("  - residual: [{dense: 3}]\n  - dense: 2",
         "x.yaml:4:15: error: model[0].residual: expects its layers to give back the shape of its input, [2], found [3] (with the 2 inputs of dataset spirals)"),
        ("  - residual: [{attention: 1}]\n  - dense: 2",
         "x.yaml:4:15: error: model[0].residual: layer 0 of the block (attention): expects a sequence input [positions, features], found shape [2]; start the model with an embedding (with the 2 inputs of dataset spirals)"),
    ])
    func mistakesAreShownWhereTheyAre(_ model: String, _ message: String) {
        #expect(Self.firstErrorLine(model) == message)
    }
}
