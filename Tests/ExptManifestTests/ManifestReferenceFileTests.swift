import Foundation
import Testing

@testable import ExptManifest

/// docs/manifest-reference.md is `expt schema --markdown`'s output, committed: it must be what
/// the tables generate today, and its rows must say what the decoder does.
struct ManifestReferenceFileTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/manifest-reference.md")

    @Test func theCommittedFileIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(committed == ManifestReference.markdown,
                "docs/manifest-reference.md is stale: swift run expt schema --markdown > docs/manifest-reference.md")
    }

    @Test func aNameIsAHeadingWithItsSummaryAndATableOfItsSettings() {
        #expect(ManifestReference.markdown.contains("""
            ### `adam`

            Adam, with bias-corrected first and second moments (torch.optim.Adam).

            At its defaults, the chain `[scale_by_adam, scale_by_learning_rate]`.

            | key | values | default | meaning |
            |---|---|---|---|
            | `lr` | number > 0 | `0.001` | Learning rate. |
            | `betas` | [b1, b2], each in [0, 1) | `[0.9, 0.999]` | Decay rates of the first and second moments. |
            """))
    }

    @Test func aPartOfTheStructureIsHeadedByItsKey() {
        #expect(ManifestReference.markdown.contains("\n### `param_groups` item\n\nLayers with their own optimizer, as torch's param_groups.\n"))
        #expect(ManifestReference.markdown.contains("\n### Top level\n"))
        #expect(ManifestReference.markdown.contains("\n### Every schedule\n"))
    }

    @Test func aBarInACellIsEscapedAndADescribedDefaultIsPlainText() {
        #expect(ManifestReference.markdown.contains("""
            | `nesterov` | true \\| false | `false` | Nesterov momentum; needs momentum > 0 and dampening = 0. |
            """))
        #expect(ManifestReference.markdown.contains("""
            | `model` | non-empty sequence of layers | none for a test function; required otherwise | The network, input to output. |
            """))
    }
}
