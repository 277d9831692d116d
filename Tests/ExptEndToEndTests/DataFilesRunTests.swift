import ExptData
import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing
import ExptTestSupport

/// Experiments on data files end to end, and the data cache that loads each data setting once.
@Suite struct DataFilesRunTests {
    /// 20 images of 4 x 4: class 0 bright on the left half, class 1 on the right, alternating.
    static let imageCount = 20
    static var images: [UInt8] {
        var bytes: [UInt8] = [0, 0, 8, 3, 0, 0, 0, UInt8(imageCount), 0, 0, 0, 4, 0, 0, 0, 4]
        for index in 0..<imageCount {
            for _ in 0..<4 {
                for column in 0..<4 { bytes.append((column < 2) == (index % 2 == 0) ? 200 : UInt8(index)) }
            }
        }
        return bytes
    }
    static let labels: [UInt8] = [0, 0, 8, 1, 0, 0, 0, UInt8(imageCount)] + (0..<imageCount).map { UInt8($0 % 2) }

    static let manifest = """
        name: digits
        seeds: [0, 1]
        data: {dataset: idx, images: data/img.idx, labels: data/lbl.idx, test_images: data/img.idx, test_labels: data/lbl.idx, normalize: scale}
        model:
          - {conv2d: 2, kernel: 3, activation: relu}
          - flatten
          - {dense: 10}
        train: {epochs: 2, batch_size: 8}
        optimizer: {name: sgd, lr: 0.1}
        variants:
          sgd: {}
          adam:
            optimizer: {name: adam, lr: 0.01}
          other-split:
            data: {seed: 5}
        """

    /// Writes the manifest and its files into `folder` (the files under `data/`) and returns the manifest's path.
    static func prepare(_ folder: TemporaryFolder, images: [UInt8] = images) throws -> String {
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try Data(images).write(to: URL(fileURLWithPath: folder.path + "/data/img.idx"))
        try Data(labels).write(to: URL(fileURLWithPath: folder.path + "/data/lbl.idx"))
        return try folder.write(manifest, to: "digits.yaml")
    }

    @Test func eachDataSettingIsLoadedOnceForAllItsRuns() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let experiment = try ManifestLoader.load(path: Self.prepare(folder))
        let cache = DataCache()
        let records = experiment.runs.map { Executor().run($0, data: cache) }
        // Six runs: sgd and adam share one data setting, other-split has its own seed.
        #expect(records.count == 6 && records.allSatisfy { $0.status == .complete })
        #expect(cache.loads == 2)
        #expect(records.allSatisfy { $0.test?.accuracy != nil })
    }

    @Test func anIDXExperimentRunsFromTheCommandLine() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let manifestPath = try Self.prepare(folder)
        let out = folder.path + "/results"
        #expect(try runExpt(["validate", manifestPath]) == 0)
        #expect(try runExpt(["run", manifestPath, "--out", out, "--quiet"]) == 0)
        let summary = CSVTable(try String(contentsOfFile: out + "/digits/summary.csv", encoding: .utf8))
        #expect(summary.rows.map { $0["status"] } == Array(repeating: "complete", count: 6))
        #expect(summary.rows.allSatisfy { !($0["test_accuracy"] ?? "").isEmpty })
    }

    @Test func aTruncatedFileStopsTheRunBeforeTraining() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        // The header is valid, so validation passes; the values end early, which only the full read finds.
        let manifestPath = try Self.prepare(folder, images: Array(Self.images.dropLast(3)))
        let out = folder.path + "/results"
        #expect(try runExpt(["validate", manifestPath]) == 0)
        #expect(try runExpt(["run", manifestPath, "--out", out, "--quiet"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: out + "/digits"))
    }

    @Test func withoutPreloadingARunWhoseFileIsBadFails() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let experiment = try ManifestLoader.load(path: Self.prepare(folder, images: Array(Self.images.dropLast(3))))
        let cache = DataCache()
        let records = experiment.runs.map { Executor().run($0, data: cache) }
        let reason = "data/img.idx: at byte 333: expected 320 bytes of values (20 x 4 x 4) after the 16-byte header, the file ends after 317"
        #expect(records.map(\.status) == Array(repeating: .failed(reason: reason), count: 6))
        let problem = #expect(throws: DataFileError.self) { try RecordedData.reading(experiment) }
        #expect(problem?.description == reason)
        // Checking reads the file outside the cache: the two loads are the runs'.
        #expect(cache.loads == 2)
    }

    @Test func aMissingFileIsAnInvalidManifest() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let manifestPath = try folder.write(Self.manifest, to: "digits.yaml")
        #expect(try runExpt(["validate", manifestPath]) == 2)
    }
}
