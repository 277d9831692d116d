import ExptData
import Foundation
import Testing

@testable import ExptStore
import ExptTestSupport

/// A run's layer statistics and flipped labels are stored in files of their own, written only
/// when recorded, and read back equal.
@Suite struct DiagnosticsStoreTests {
    @Test func layersAndFlippedLabelsReadBackEqual() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        var record = sampleRecord()
        record.epochs[0].trainEvaluationLoss = 0.25
        record.epochs[0].trainAccuracy = 0.875
        record.layers = [
            LayerEpochStatistics(epoch: 1, layer: 0, kind: "dense", gradientNorm: 0.1 + 0.2, parameterNorm: 3, updateRatio: 1e-3),
            LayerEpochStatistics(epoch: 1, layer: 1, kind: "dense", gradientNorm: 5e-324, parameterNorm: 1.5, updateRatio: nil),
        ]
        record.flippedLabels = [FlippedLabel(example: 4, label: 1, noisyLabel: 0), FlippedLabel(example: 17, label: 0, noisyLabel: 1)]
        try store.save(record)
        let folder = store.folder(of: record.spec)
        #expect(try String(contentsOfFile: folder + "/layers.csv", encoding: .utf8) == """
            epoch,layer,kind,gradientNorm,parameterNorm,updateRatio
            1,0,dense,0.30000000000000004,3,0.001
            1,1,dense,5e-324,1.5,

            """)
        #expect(try String(contentsOfFile: folder + "/flipped_labels.csv", encoding: .utf8) == """
            example,label,noisyLabel
            4,1,0
            17,0,1

            """)
        guard case .stored(let loaded, _) = store.load(record.spec) else {
            Issue.record("not stored: \(store.load(record.spec))")
            return
        }
        #expect(loaded.layers == record.layers)
        #expect(loaded.flippedLabels == record.flippedLabels)
        #expect(loaded.epochs == record.epochs)

        // Saved again without them, the files go.
        try store.save(sampleRecord())
        #expect(!FileManager.default.fileExists(atPath: folder + "/layers.csv"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/flipped_labels.csv"))
    }
}
