import ExptData
import ExptManifest
import ExptTestSupport
import Foundation
import Testing

/// A manifest recorded in a results folder decodes from the record of its data files, without
/// the files (which are not beside it).
@Suite struct RecordedDataDecodingTests {
    static let manifest = """
        name: digits
        data: {dataset: idx, images: data/img.idx, labels: data/lbl.idx, classes: 3}
        model:
          - flatten
          - {dense: 3}
        train: {epochs: 1}
        variants:
          sgd:
            optimizer: {name: sgd, lr: 0.1}
        """

    @Test func theRecordStandsForTheFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(Self.manifest, to: "results/digits/manifest.yaml")
        var asked: [String] = []
        let experiment = try ManifestLoader.loadRecorded(path: path) { dataset in
            asked.append(dataset.name)
            return DataFileSummary(featureShape: [1, 4, 4], classes: 3, targets: 1)
        }
        #expect(Set(asked) == ["idx"])
        #expect(experiment.runs.count == 1)
    }

    @Test func aDatasetWithoutARecordIsAnErrorAtItsValue() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(Self.manifest, to: "results/digits/manifest.yaml")
        let error = try #require(throws: ManifestError.self) { try ManifestLoader.loadRecorded(path: path) }
        #expect(error.diagnostics.map(\.description) == [
            "\(path):2:17: error: data.dataset: the results folder has no record of this dataset's files (data.json); "
                + "`expt run` of the manifest writes it\ndata: {dataset: idx, images: data/img.idx, labels: data/lbl.idx, classes: 3}\n                ^",
        ])
    }
}
