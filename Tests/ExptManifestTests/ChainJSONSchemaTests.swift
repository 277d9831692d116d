import Testing
@testable import ExptManifest

/// The JSON Schema takes an optimizer written as a chain in each of its entry forms, and refuses
/// the chains the decoder refuses for a key or value alone.
struct ChainJSONSchemaTests {
    @Test func chainsFitTheSchema() throws {
        #expect(try ManifestJSONSchemaTests.failures(ChainDecodingTests.chainManifest) == [])
        let flow = edit(baseManifest, "{name: adam, lr: 0.01}",
                        "{chain: [scale_by_rms: null, scale_by_adam: [0.5, 0.6], trace: {nesterov: true}, scale_by_learning_rate], lr: 0.5}")
        #expect(try ManifestJSONSchemaTests.failures(flow) == [])
    }

    @Test(arguments: [
        ("- trace: 0.5", "- trac: 0.5"),
        ("- trace: 0.5", "- trace: -0.5"),
        ("eps: 1.0e-6", "epsilon: 1.0e-6"),
        ("- scale_by_learning_rate", "- scale_by_learning_rate: 1"),
        ("optimizer:\n", "optimizer:\n  name: adam\n"),
        ("  lr: 0.003", "  lr: 0.003\n  betas: [0.9, 0.99]"),
    ])
    func refusedChainsFailTheSchema(_ old: String, _ new: String) throws {
        let failures = try ManifestJSONSchemaTests.failures(edit(ChainDecodingTests.chainManifest, old, new)).map(\.description)
        #expect(failures == ["optimizer: matches 0 of the 2 alternatives of anyOf"])
    }

    @Test func anEmptyChainFailsTheSchema() throws {
        let failures = try ManifestJSONSchemaTests.failures(edit(baseManifest, "{name: sgd, lr: 0.1}", "{chain: []}")).map(\.description)
        #expect(failures == ["optimizer: matches 0 of the 2 alternatives of anyOf"])
    }
}
