import ExptTestSupport
import Foundation
import Testing

/// Each results folder the repository ships rebuilds on its own: copied elsewhere, away from
/// its manifest and data files, `expt report` writes every file again byte for byte.
@Suite struct ShippedResultsRebuildTests {
    /// The repository's `results/` folder.
    static let results = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("results").path

    static let experiments = ["adam-vs-sgd", "label-noise", "mnist1d-architectures", "optimizer-zoo", "optimizers-cnn",
                              "optimizers-on-rosenbrock", "own-optimizers", "sharpness", "vanishing-gradients"]

    @Test func theShippedExperimentsAreTheOnesTested() throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.results).sorted() == Self.experiments)
    }

    @Test(arguments: experiments)
    func aCopiedFolderRebuildsByteForByte(experiment: String) throws {
        let temporary = try TemporaryFolder("end-to-end")
        defer { temporary.remove() }
        let copy = (temporary.path as NSString).appendingPathComponent("moved-" + experiment)
        try FileManager.default.copyItem(atPath: (Self.results as NSString).appendingPathComponent(experiment), toPath: copy)
        let committed = try folderSnapshot(copy)
        for name in ["report.md", "report.html", "summary.csv", "metrics.csv", "variants.csv", "charts"] {
            try FileManager.default.removeItem(atPath: (copy as NSString).appendingPathComponent(name))
        }

        // optimizer-zoo's sweep keeps two diverged runs (schedule-free SGD at lr 10): exit code 3.
        #expect(try runExpt(["report", copy]) == (experiment == "optimizer-zoo" ? 3 : 0))
        let rebuilt = try folderSnapshot(copy)
        #expect(rebuilt.keys.sorted() == committed.keys.sorted())
        for (name, bytes) in committed {
            #expect(rebuilt[name] == bytes, "\(experiment)/\(name) differs from the committed file")
        }
    }
}
