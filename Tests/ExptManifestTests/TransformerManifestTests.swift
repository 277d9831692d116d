import ExptEngine
import Testing
@testable import ExptManifest

/// Transformer layers in a manifest: every kind and key decoded, a layer that needs a sequence
/// after a vector, and an output per position where the data has one class per example.
@Suite struct TransformerManifestTests {
    static func manifest(_ model: String) -> String {
        "name: t\ndata: {dataset: spirals}\nmodel:\n\(model)\ntrain: {epochs: 1}\noptimizer: {name: sgd}\nvariants: {a: {}}\n"
    }

    /// The first line of the error the manifest makes.
    static func firstErrorLine(_ model: String) -> String? {
        do {
            _ = try ManifestLoader.decode(text: manifest(model), path: "x.yaml")
            return nil
        } catch {
            return "\(error)".split(separator: "\n").first.map(String.init)
        }
    }

    @Test func everyTransformerKindDecodes() throws {
        let text = Self.manifest("""
              - {embedding: 4, dimension: 4}
              - position_embedding
              - {attention: 2, head_size: 3, causal: true}
              - {feed_forward: 8}
              - {transformer_block: 2, hidden: 8, norm: post}
              - {layer_norm: ~, eps: 0.001}
              - last_position
              - {dense: 2}
            """)
        let config = try #require(ManifestLoader.decode(text: text, path: "x.yaml").variants.first?.config)
        #expect(config.model == [
            LayerSpec(EmbeddingSpec(vocabulary: 4, dimension: 4)), LayerSpec(PositionEmbeddingSpec()),
            LayerSpec(AttentionSpec(heads: 2, headSize: 3, causal: true)), LayerSpec(FeedForwardSpec(hidden: 8)),
            LayerSpec(TransformerBlockSpec(heads: 2, hidden: 8, norm: .post)), LayerSpec(LayerNormSpec(epsilon: 0.001)),
            LayerSpec(LastPositionSpec()), .dense(DenseSpec(units: 2)),
        ])
    }

    @Test func attentionOnAVectorAsksForAnEmbedding() {
        #expect(Self.firstErrorLine("  - attention: 2\n  - dense: 2")
            == "x.yaml:4:16: error: model[0].attention: expects a sequence input [positions, features], found shape [2]; start the model with an embedding (with the 2 inputs of dataset spirals)")
    }

    @Test func anOutputPerPositionIsRefusedForOneClassPerExample() {
        #expect(Self.firstErrorLine("  - {embedding: 4, dimension: 3}\n  - {dense: 2}")
            == "x.yaml:5:13: error: model[1].dense: expected an output of shape [2] to match the 2 classes of dataset spirals, found [2, 2]")
    }
}
