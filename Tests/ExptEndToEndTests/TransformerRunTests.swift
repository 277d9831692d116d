import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing
import ExptTestSupport

/// A small transformer from a manifest to its run (Tests/manifests/tiny-transformer.yaml): token
/// ids from a CSV file, two blocks, the last position classified; and a file holding an id outside
/// the embedding's vocabulary, which fails the run before it trains.
@Suite struct TransformerRunTests {
    static let manifest = FixtureFile.text("Tests/manifests/tiny-transformer.yaml")

    /// 40 rows of 4 ids; the label says whether the first id is larger than the last.
    static func csv(badRow: Int? = nil) -> String {
        var lines = ["t0,t1,t2,t3,y"]
        for row in 0..<40 {
            var ids = (0..<4).map { (row * 7 + $0 * 3 + row / 5) % 5 }
            if row == badRow { ids[2] = 7 }
            lines.append(ids.map(String.init).joined(separator: ",") + ",\(ids[0] > ids[3] ? 1 : 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func run(_ csv: String) throws -> RunRecord {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        _ = try folder.write(csv, to: "data/tokens.csv")
        let experiment = try ManifestLoader.load(path: folder.write(manifest, to: "tiny-transformer.yaml"))
        #expect(experiment.runs.count == 1)
        return Executor().run(experiment.runs[0])
    }

    @Test func aTinyTransformerTrains() throws {
        let record = try Self.run(Self.csv())
        #expect(record.status == .complete)
        #expect(record.epochs.count == 3)
        #expect(record.epochs.allSatisfy { $0.trainLoss.isFinite && $0.validationAccuracy != nil })
    }

    @Test func anIdOutsideTheVocabularyFailsTheRunBeforeTraining() throws {
        let record = try Self.run(Self.csv(badRow: 3))
        #expect(record.status == .failed(reason: "token id 7.0 at position 2 of example 3 is not an integer in 0..<5, the embedding's vocabulary"))
        #expect(record.epochs.isEmpty)
    }
}
