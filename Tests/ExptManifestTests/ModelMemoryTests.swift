import ExptManifest
import ExptTestSupport
import Testing

/// A model whose buffers for its largest batch would not fit the memory budget is refused when
/// the manifest is read, before anything is allocated: each layer kind states what it allocates
/// (`LayerKind.memory`), and the decoder adds them up for the batch and the threads.
struct ModelMemoryTests {
    static func errorText(_ text: String) -> String {
        do {
            _ = try ManifestLoader.decode(text: text, path: "x.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// 10⁷ spirals through 100000 units, in batches of `batchSize`.
    static func manifest(batchSize: String) -> String {
        """
        name: x
        data: {dataset: spirals, samples: 10000000}
        model:
          - {dense: 100000, activation: relu}
          - {dense: 2}
        train: {epochs: 1, batch_size: \(batchSize)}
        variants:
          sgd: {optimizer: sgd}
        """
    }

    /// One batch of 10⁷ examples: 4 · (10⁷ · (3 · 100000 + 3 · 2) + 2 · 500002) = 12000244000016
    /// bytes (dense 2 → 100000 has 300000 parameters, dense 100000 → 2 200002).
    @Test func aFullBatchThroughAWideLayerIsRefused() {
        #expect(Self.errorText(Self.manifest(batchSize: "full")) == """
            x.yaml:4:3: error: model: expected a model whose buffers fit in memory, found one that needs 12000244000016 bytes (11176.1 GiB) for batches of 10000000 examples, more than the memory budget of a model, 2 GiB (2147483648 bytes)
              - {dense: 100000, activation: relu}
              ^
            """)
    }

    /// Batches of 32: 4 · (32 · 300006 + 1000004) = 42400784 bytes, well in.
    @Test func theSameLayerWithSmallBatchesIsAccepted() {
        #expect(Self.errorText(Self.manifest(batchSize: "32")) == "no error")
    }
}
