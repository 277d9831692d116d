import ExptData
import ExptManifest
import ExptRunner
import ExptStore
import ExptTestSupport
import Foundation
import Testing

/// A full batch of a file dataset is known only once the files are read, so the manifest cannot
/// check the model's buffers for it; the run checks them before building the network and fails
/// with the reason instead of allocating.
@Suite struct ModelMemoryRunTests {
    /// The 20 images of 4 x 4 of `DataFilesRunTests`, 16 for training (the default validation
    /// fifth held out), through 100000 filters and seven dropouts.
    static let manifest = """
        name: wide
        data: {dataset: idx, images: data/img.idx, labels: data/lbl.idx}
        model:
          - {conv2d: 100000, kernel: 1}
        \(String(repeating: "  - {dropout: 0.1}\n", count: 7))  - flatten
          - {dense: 10}
        train: {epochs: 1, batch_size: full}
        optimizer: sgd
        variants:
          sgd: {}
        """

    /// Worked by hand: the conv's output is 100000 · 4 · 4 = 1600000 values; per example it keeps
    /// 3 · 1600000 + 200000 / 8 = 4825000 (200000 parameters), each dropout 3 · 1600000, the dense
    /// layer 3 · 10: 38425030 values; per thread the conv's 16 + 16 + 200000 = 200032; the
    /// parameters 200000 + 16000010, twice. 4 · (16 · 38425030 + 200032 + 32400020) = 2589602128 bytes.
    @Test func aFullBatchTooLargeForMemoryFailsTheRunBeforeAllocating() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try Data(DataFilesRunTests.images).write(to: URL(fileURLWithPath: folder.path + "/data/img.idx"))
        try Data(DataFilesRunTests.labels).write(to: URL(fileURLWithPath: folder.path + "/data/lbl.idx"))
        let experiment = try ManifestLoader.load(path: folder.write(Self.manifest, to: "wide.yaml"))
        let record = Executor().run(experiment.runs[0], data: DataCache())
        #expect(record.status == .failed(reason: "the model's buffers need 2589602128 bytes (2.4 GiB) for batches of 16 examples, more than the memory budget of a model, 2 GiB (2147483648 bytes)"))
    }
}
