import ExptData
import ExptConfig
import ExptManifest
import ExptStore
import ExptTestSupport
import Foundation
import Testing

/// `train.save_weights`: each run stores the weights it asks for as runs/<id>/weights/*.npz in
/// torch's names and shapes, and the setting changes neither the run ids nor the metrics.
@Suite struct SaveWeightsTests {
    static let manifest = storeManifest.replacingOccurrences(of: "train: {epochs: 3, batch_size: 16}",
                                                             with: "train: {epochs: 3, batch_size: 16, save_weights: [initial, final]}")

    @Test func everyRunStoresItsInitialAndFinalWeights() throws {
        let plain = try StoreFixture()
        defer { plain.remove() }
        let saving = try StoreFixture(manifest: Self.manifest)
        defer { saving.remove() }
        #expect(saving.experiment.runs.map(\.id) == plain.experiment.runs.map(\.id))
        #expect(try plain.run() == 0)
        #expect(try saving.run() == 0)
        #expect(withoutSeconds(try saving.read("metrics.csv")) == withoutSeconds(try plain.read("metrics.csv")))
        for index in saving.experiment.runs.indices {
            let folder = saving.runFolder(index) + "/weights/"
            let initial = try NumpyArchive.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "initial.npz"))), file: "initial.npz")
            let final = try NumpyArchive.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "final.npz"))), file: "final.npz")
            // dense 2 → 8, dense 8 → 2, as torch's Linear layers.
            #expect(initial.map(\.name) == ["0.weight", "0.bias", "1.weight", "1.bias"])
            #expect(initial.map(\.shape) == [[8, 2], [8], [2, 8], [2]])
            #expect(final.map(\.shape) == initial.map(\.shape))
            // Biases start at zero; training moves them.
            #expect(initial[1].values == [Float](repeating: 0, count: 8))
            #expect(final[1].values != initial[1].values)
            #expect(!FileManager.default.fileExists(atPath: plain.runFolder(index) + "/weights"))
        }
    }

    @Test func aMomentListedTwiceIsAnError() {
        let text = storeManifest.replacingOccurrences(of: "train: {epochs: 3, batch_size: 16}",
                                                      with: "train: {epochs: 3, batch_size: 16, save_weights: [final, best, final]}")
        do {
            _ = try ManifestLoader.decode(text: text, path: "tiny.yaml")
            Issue.record("the manifest was accepted")
        } catch {
            #expect("\(error)".split(separator: "\n").filter { $0.hasPrefix("tiny.yaml:") } == [
                "tiny.yaml:7:58: error: train.save_weights[1]: unknown weights moment \"best\"; expected one of: final, initial",
                "tiny.yaml:7:64: error: train.save_weights[2]: final is listed twice",
            ])
        }
    }
}
