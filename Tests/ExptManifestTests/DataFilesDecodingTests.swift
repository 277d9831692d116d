import Foundation
import Testing
import ExptData
import ExptTestSupport
@testable import ExptManifest

/// The datasets read from files: their keys, paths relative to the manifest, the shapes their
/// headers give, and problems of their files reported where the path is written.
@Suite struct DataFilesDecodingTests {
    /// A folder holding `experiments/` (the manifest's folder) and `data/` (the files).
    struct Folder {
        let folder: TemporaryFolder
        var root: String { folder.path }
        init() throws {
            folder = try TemporaryFolder("manifest")
            try FileManager.default.createDirectory(atPath: folder.file("experiments"), withIntermediateDirectories: true)
        }
        func write(_ bytes: [UInt8], _ name: String) throws {
            try folder.write(bytes, to: "data/" + name)
        }
        var manifestPath: String { root + "/experiments/x.yaml" }
        func remove() { folder.remove() }
    }

    /// Two 2 x 3 images, labelled 1 and 0.
    static let images: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3] + Array(0..<12)
    static let labels: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 2, 1, 0]

    static func manifest(data: String, model: String = "  - flatten\n  - dense: 10") -> String {
        """
        name: files
        data:
        \(data)
        model:
        \(model)
        train: {epochs: 1}
        optimizer: sgd
        variants:
          a: {}
          b: {}
        """
    }

    /// Decodes `text` as the manifest `experiments/x.yaml` of `folder`.
    static func decode(_ text: String, in folder: Folder) throws -> Experiment {
        try ManifestLoader.decode(text: text, path: folder.manifestPath)
    }

    /// The errors of `text` as the manifest of `folder`, with paths shown relative to the folder's root.
    static func errors(_ text: String, in folder: Folder, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            _ = try decode(text, in: folder)
            Issue.record("decoded without error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: folder.root + "/", with: "")
        }
    }

    @Test func idxPathsAreRelativeToTheManifestsFolder() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write(Self.images, "img.idx")
        try folder.write(Self.labels, "lbl.idx")
        let experiment = try Self.decode(Self.manifest(data: """
              dataset: idx
              images: ../data/img.idx
              labels: ../data/./lbl.idx
              classes: 10
            """), in: folder)
        let expected = IDXSettings(images: DataFile(path: "../data/img.idx", resolved: folder.root + "/data/img.idx"),
                                   labels: DataFile(path: "../data/./lbl.idx", resolved: folder.root + "/data/lbl.idx"))
        #expect(experiment.variants[0].config.data.dataset == DatasetConfig(expected))
        #expect(experiment.variants[0].config.data.trainingCount == nil)
    }

    @Test(arguments: [
        // The headers give the shape [1, 2, 3], which a dense layer cannot read.
        ("  dataset: idx\n  images: ../data/img.idx\n  labels: ../data/lbl.idx", "  - dense: 10", """
            experiments/x.yaml:7:12: error: model[0].dense: expects a vector input, found shape [1, 2, 3]; add a flatten layer before it (with the [1, 2, 3] inputs of dataset idx)
              - dense: 10
                       ^
            """),
        ("  dataset: idx\n  images: ../data/img.idx\n  labels: ../data/missing.idx", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:5:11: error: data.labels: ../data/missing.idx: cannot read the file (no such file or directory)
              labels: ../data/missing.idx
                      ^
            """),
        ("  dataset: idx\n  images: ../data/lbl.idx\n  labels: ../data/lbl.idx", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:4:11: error: data.images: ../data/lbl.idx: at byte 0: expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions), found 0x00000801
              images: ../data/lbl.idx
                      ^
            """),
        ("  dataset: idx\n  images: ../data/img.idx\n  labels: ../data/lbl.idx\n  test_images: ../data/img.idx", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:6:16: error: data.test_images: test_images needs test_labels beside it
              test_images: ../data/img.idx
                           ^
            """),
        ("  dataset: idx\n  images: ../data/img.idx\n  labels: ../data/lbl.idx\n  classes: 3", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:9:12: error: model[1].dense: expected 3 units to match the 3 classes of dataset idx, found 10
              - dense: 10
                       ^
            """),
        ("  dataset: idx\n  image: ../data/img.idx\n  labels: ../data/lbl.idx", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:3:3: error: data: missing required key "images"
              dataset: idx
              ^
            experiments/x.yaml:4:3: error: data.image: unknown key "image"; did you mean "images"?
              image: ../data/img.idx
              ^
            """),
        ("  dataset: cifar10\n  files: []", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:4:10: error: data.files: expected at least one file path, found an empty sequence
              files: []
                     ^
            """),
        ("  dataset: cifar10\n  files: ../data/data_batch_1.bin", "  - flatten\n  - dense: 10", """
            experiments/x.yaml:4:10: error: data.files: ../data/data_batch_1.bin: cannot read the file (no such file or directory)
              files: ../data/data_batch_1.bin
                     ^
            """),
        ("  dataset: cifar10\n  files: [../data/img.idx]", "  - dense: 10", """
            experiments/x.yaml:6:12: error: model[0].dense: expects a vector input, found shape [3, 32, 32]; add a flatten layer before it (with the [3, 32, 32] inputs of dataset cifar10)
              - dense: 10
                       ^
            """),
    ])
    func fileProblemsAndShapes(data: String, model: String, expected: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write(Self.images, "img.idx")
        try folder.write(Self.labels, "lbl.idx")
        #expect(Self.errors(Self.manifest(data: data, model: model), in: folder) == expected)
    }

    static let csv = Array("a,b,kind\n1,2,x\n3,4,y\n5,6,z\n".utf8)

    @Test func csvClassesComeFromTheFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write(Self.csv, "t.csv")
        let experiment = try Self.decode(Self.manifest(data: "  dataset: csv\n  path: ../data/t.csv\n  label: kind",
                                                       model: "  - dense: 3"), in: folder)
        let settings = CSVSettings(file: DataFile(path: "../data/t.csv", resolved: folder.root + "/data/t.csv"), target: .label(.name("kind")))
        #expect(experiment.variants[1].config.data.dataset == DatasetConfig(settings))
        #expect(experiment.variants[1].config.data.dataset.isRegression == false)
    }

    @Test(arguments: [
        ("  dataset: csv\n  path: ../data/t.csv\n  label: kind", "  - dense: 2", """
            experiments/x.yaml:7:12: error: model[0].dense: expected 3 units to match the 3 classes of dataset csv, found 2
              - dense: 2
                       ^
            """),
        ("  dataset: csv\n  path: ../data/t.csv\n  label: knd", "  - dense: 3", """
            experiments/x.yaml:4:9: error: data.path: ../data/t.csv:1:1: expected a column named "knd"; the columns are: a, b, kind
              path: ../data/t.csv
                    ^
            """),
        ("  dataset: csv\n  path: ../data/t.csv\n  header: false\n  label: kind", "  - dense: 3", """
            experiments/x.yaml:6:10: error: data.label: a column name needs header: true; give the column's 0-based index instead
              label: kind
                     ^
            """),
        ("  dataset: csv\n  path: ../data/t.csv\n  label: kind\n  targets: [a]", "  - dense: 3", """
            experiments/x.yaml:6:12: error: data.targets: expected either label (classification) or targets (regression), found both
              targets: [a]
                       ^
            """),
        ("  dataset: csv\n  path: ../data/t.csv", "  - dense: 3", """
            experiments/x.yaml:3:3: error: data: missing required key "label" (or "targets" for regression)
              dataset: csv
              ^
            """),
        ("  dataset: csv\n  path: ../data/t.csv\n  label: -1", "  - dense: 3", """
            experiments/x.yaml:5:10: error: data.label: expected a column name or a non-negative column index, found -1
              label: -1
                     ^
            """),
        ("  dataset: csv\n  path: ../data/r.csv\n  targets: [y, 0]", "  - dense: 2", """
            experiments/x.yaml:3:12: error: data.dataset: dataset csv is a regression task; set loss: mse (the default, cross_entropy, needs classes)
              dataset: csv
                       ^
            """),
    ])
    func csvSettingsAndTheirErrors(data: String, model: String, expected: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write(Self.csv, "t.csv")
        try folder.write(Array("x,y,z\n1,2,3\n".utf8), "r.csv")
        #expect(Self.errors(Self.manifest(data: data, model: model), in: folder) == expected)
    }

    @Test(arguments: [
        (DatasetConfig(SpiralsSettings()), [2] as [Int]?),
        (DatasetConfig(MoonsSettings()), [2]), (DatasetConfig(CirclesSettings()), [2]), (DatasetConfig(XORSettings()), [2]),
        (DatasetConfig(BlobsSettings(features: 5)), [5]), (DatasetConfig(LinearSettings(features: 3)), [3]),
        (DatasetConfig(PolynomialSettings()), [1]),
        (DatasetConfig(MNIST1DSettings()), [40, 1]), (DatasetConfig(MNIST1DSettings(finalLength: 24)), [24, 1]),
        (DatasetConfig(CSVSettings(file: DataFile(path: "x", resolved: "/x"), target: .label(.index(0)))), nil),
    ])
    func knownInputShapes(dataset: DatasetConfig, shape: [Int]?) {
        #expect(dataset.inputShape == shape)
    }
}
