import ExptManifest
import ExptStore
import Foundation
import Testing
@testable import ExptRunner

/// The batch measures the line between the final weights of a pair after its runs are stored.
struct PairInterpolationBatchTests {
    static let manifest = """
        name: pairs
        seeds: [0]
        data: {dataset: spirals, samples: 60}
        model: [{dense: 2}]
        train: {epochs: 1, batch_size: 16}
        optimizer: {name: adam, lr: 0.01}
        analysis: {interpolate: {points: 3, from: 0, to: 1, between: [[adam, sgd]]}}
        variants:
          adam: {}
          sgd: {optimizer: {name: sgd, lr: 0.1}}
        """

    /// The ends of the line are the two runs' final weights: its validation loss at α = 0 is the
    /// last validation loss of adam's run, at α = 1 that of sgd's run (the same evaluation, bit for bit).
    @Test func theLineIsStoredWithTheRunsFinalLossesAtItsEnds() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("expt-pairs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml")
        let folder = ResultsFolder(path: path)
        var notices: [String] = []
        _ = try ExperimentRunner().run(experiment, into: folder, notice: { notices.append($0) })
        #expect(notices == [])
        let lines = folder.pairLandscapes(for: experiment)
        #expect(lines.map(\.file) == ["pairs/adam+sgd/seed-0.csv"])
        let records = folder.results(for: experiment).records
        #expect(lines.first?.points.map(\.alpha) == [0, 0.5, 1])
        #expect(lines.first?.points.first?.validationLoss == records[0].epochs.last?.validationLoss)
        #expect(lines.first?.points.last?.validationLoss == records[1].epochs.last?.validationLoss)
    }

    /// Runs stored before they were paired have no final weights: the line is skipped, with a notice.
    @Test func runsWithoutFinalWeightsAreSkippedWithANotice() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("expt-pairs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml")
        let folder = ResultsFolder(path: path)
        var unpaired = experiment
        unpaired.interpolationPairs = []
        unpaired.variants = unpaired.variants.map { variant in
            var variant = variant
            variant.config.train.saveWeights = []
            return variant
        }
        _ = try ExperimentRunner().run(unpaired, into: folder)
        var notices: [String] = []
        let summary = try ExperimentRunner().run(experiment, into: folder, notice: { notices.append($0) })
        #expect(summary.reused == 2)
        let id = experiment.runs[0].id
        #expect(notices == ["the line adam→sgd, seed 0 is not measured: run \(id) (adam) has no final weights (stored before it was paired: --force trains it again)"])
        #expect(folder.pairLandscapes(for: experiment) == [])
    }
}
