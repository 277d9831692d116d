import ExptConfig
import ExptData
import ExptManifest
import ExptStore
import ExptTestSupport
import Foundation
import Testing

@testable import ExptRunner

/// `init: {from: w.npz}`: a run starts from the weights torch wrote (Tests/weights/
/// reference_torch_roundtrip.py); the file's SHA-256 is in the run's id; a file that is
/// missing or does not fit the model is reported at `from`, with the array and both shapes.
struct InitialWeightsRunTests {
    /// The SHA-256 of Tests/weights/torch_mlp.npz (`sha256sum`).
    static let mlpSHA256 = "6bda15d93f6df627d2386a28a6e509fef3217ec83fecc219e68c288d3182f3d6"

    /// A folder with torch's MLP weights as `w.npz` and its 8 examples as `x.csv` (4 features,
    /// then the label); returns it and torch's loss before each of its 4 SGD steps.
    private func mlpFolder() throws -> (TemporaryFolder, torchLosses: [Float]) {
        let folder = try TemporaryFolder("initial-weights")
        let weights = [UInt8](try Data(contentsOf: FixtureFile.repository.appendingPathComponent("Tests/weights/torch_mlp.npz")))
        _ = try folder.write(weights, to: "w.npz")
        let runBytes = [UInt8](try Data(contentsOf: FixtureFile.repository.appendingPathComponent("Tests/weights/torch_mlp_run.npz")))
        let run = Dictionary(uniqueKeysWithValues: try NumpyArchive.decode(runBytes, file: "torch_mlp_run.npz").map { ($0.name, $0.values) })
        let inputs = try #require(run["inputs"]), labels = try #require(run["labels"])
        var csv = "a,b,c,d,y\n"
        for row in 0..<8 {
            csv += inputs[row * 4..<row * 4 + 4].map { "\($0)" }.joined(separator: ",") + ",\(Int(labels[row]))\n"
        }
        _ = try folder.write(csv, to: "x.csv")
        return (folder, try #require(run["losses"]))
    }

    private func manifest(model: String = "[{dense: 8, activation: relu}, {dense: 3}]", from: String = "w.npz") -> String {
        """
        name: from-torch
        data: {dataset: csv, path: x.csv, label: y, validation: 0}
        model: \(model)
        train: {epochs: 1, batch_size: full}
        optimizer: {name: sgd, lr: 0.1}
        init: {from: \(from)}
        compare: {metric: train_loss}
        variants:
          torch: {}

        """
    }

    private func loadError(_ text: String, in folder: TemporaryFolder) throws -> String? {
        let path = try folder.write(text, to: "m.yaml")
        do {
            _ = try ManifestLoader.load(path: path)
            Issue.record("loaded without error")
            return nil
        } catch {
            return (error as? ManifestError)?.description
        }
    }

    /// One full-batch step: the epoch's training loss is the loss at torch's initial weights.
    @Test func theFirstLossIsTorchsFromTheSameWeights() throws {
        let (folder, torchLosses) = try mlpFolder()
        defer { folder.remove() }
        let experiment = try ManifestLoader.load(path: try folder.write(manifest(), to: "m.yaml"))
        let record = Executor().run(experiment.runs[0])
        #expect(record.status == .complete)
        let loss = try #require(record.epochs.first?.trainLoss)
        #expect(abs(loss - Double(torchLosses[0])) <= 5e-7 * Double(torchLosses[0]), "expt \(loss), torch \(torchLosses[0])")
    }

    @Test func theRunsIdHoldsTheFilesHash() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        let spec = try ManifestLoader.load(path: try folder.write(manifest(), to: "m.yaml")).runs[0]
        #expect(spec.config.initialWeights == InitialWeights(file: DataFile(path: "w.npz", resolved: folder.file("w.npz")), sha256: Self.mlpSHA256))
        #expect(spec.canonicalJSON().contains("""
                "initialWeights" : {
                  "from" : "w.npz",
                  "sha256" : "\(Self.mlpSHA256)"
                },
            """))
        var without = spec
        without.config.initialWeights = nil
        #expect(!without.canonicalJSON().contains("initialWeights"))
        #expect(without.id != spec.id)
    }

    /// The recorded manifest names the results folder's copy, which a report decodes it with
    /// when the original file is gone: the same run, the same id.
    @Test func aRecordedManifestReadsTheResultsFoldersCopy() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        let experiment = try ManifestLoader.load(path: try folder.write(manifest(), to: "m.yaml"))
        #expect(experiment.sourceText == manifest() + "# expt keeps the file of init.from as weights/\(Self.mlpSHA256).npz\n")
        _ = try folder.write(experiment.sourceText, to: "results/manifest.yaml")
        _ = try folder.write([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("w.npz")))),
                             to: "results/weights/\(Self.mlpSHA256).npz")
        try FileManager.default.removeItem(atPath: folder.file("w.npz"))
        let recorded = try ManifestLoader.loadRecorded(path: folder.file("results/manifest.yaml"), recordedData: { _ in
            DataFileSummary(featureShape: [4], classes: 3, targets: 1)
        })
        #expect(recorded.runs.map(\.id) == experiment.runs.map(\.id))
        #expect(recorded.sourceText == experiment.sourceText)
    }

    /// `layers: [0]` loads layer 0's arrays only: the file's layer 1 ([3, 8]) does not fit the
    /// model's ([5, 8]) and is left out, so the manifest decodes and the run trains.
    @Test func layersLoadsOnlyTheLayersNamed() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        let model = "[{dense: 8, activation: relu}, {dense: 5}, {dense: 3}]"
        let spec = try ManifestLoader.load(path: try folder.write(manifest(model: model, from: "w.npz, layers: [0]"), to: "m.yaml")).runs[0]
        let initial = try #require(spec.config.initialWeights)
        #expect(initial.layers == [0])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("w.npz"))))
        #expect(initial.selected(try NumpyArchive.decode(bytes, file: "w.npz")).map(\.name) == ["0.weight", "0.bias"])
        #expect(Executor().run(spec).status == .complete)
        #expect(try loadError(manifest(model: model), in: folder)
            == "\(folder.file("m.yaml")):6:14: error: init.from: w.npz: the array '1.weight' has the shape [3, 8], the model's tensor is [5, 8]\ninit: {from: w.npz}\n             ^")
    }

    @Test func aLayerPastTheModelOrWithoutArraysIsReportedAtIt() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        #expect(try loadError(manifest(from: "w.npz, layers: [3]"), in: folder)
            == "\(folder.file("m.yaml")):6:30: error: init.layers[0]: expected a layer index from 0 to 1 (the model has 2 layers), found 3\ninit: {from: w.npz, layers: [3]}\n                             ^")
        #expect(try loadError(manifest(model: "[{dense: 8, activation: relu}, {dense: 3}, {dense: 3}]", from: "w.npz, layers: [2]"), in: folder)
            == "\(folder.file("m.yaml")):6:30: error: init.layers[0]: w.npz has no array of layer 2\ninit: {from: w.npz, layers: [2]}\n                             ^")
    }

    @Test func aMissingFileIsReportedAtFrom() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        let error = try loadError(manifest(from: "gone.npz"), in: folder)
        #expect(error == "\(folder.file("m.yaml")):6:14: error: init.from: gone.npz: cannot read the file (no such file or directory)\ninit: {from: gone.npz}\n             ^")
    }

    @Test func anotherShapeNamesTheArrayAndBothShapes() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        let error = try loadError(manifest(model: "[{dense: 6, activation: relu}, {dense: 3}]"), in: folder)
        #expect(error == "\(folder.file("m.yaml")):6:14: error: init.from: w.npz: the array '0.weight' has the shape [8, 4], the model's tensor is [6, 4]\ninit: {from: w.npz}\n             ^")
    }

    @Test func anArrayTheModelLacksIsNamed() throws {
        let (folder, _) = try mlpFolder()
        defer { folder.remove() }
        let error = try loadError(manifest(model: "[{dense: 8, activation: relu}, {dropout: 0.5}, {dense: 3}]"), in: folder)
        #expect(error == "\(folder.file("m.yaml")):6:14: error: init.from: w.npz: the model has no tensor '1.weight'\ninit: {from: w.npz}\n             ^")
    }
}
