import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing
import ExptTestSupport

/// An MLP with residual blocks from a manifest to its run (Tests/manifests/tiny-residual.yaml):
/// it trains, and its stored config names the blocks' layers.
@Suite struct ResidualRunTests {
    @Test func aTinyResidualModelTrains() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let path = try folder.write(FixtureFile.text("Tests/manifests/tiny-residual.yaml"), to: "tiny-residual.yaml")
        let experiment = try ManifestLoader.load(path: path)
        #expect(experiment.runs.count == 1)
        let record = Executor().run(experiment.runs[0])
        #expect(record.status == .complete)
        #expect(record.epochs.count == 3)
        #expect(record.epochs.allSatisfy { $0.trainLoss.isFinite && $0.validationAccuracy != nil })
        #expect(record.epochs[2].trainLoss < record.epochs[0].trainLoss)
    }
}
