import ExptManifest
import ExptStore
import ExptTestSupport
import Foundation
import Testing
@testable import ExptRunner

/// A schedule-free run records the averaged point x, not the training point y: its trajectory,
/// and the validation loss of each step, are those of x.
struct ScheduleFreeEvaluationRunTests {
    /// Two steps of schedule-free SGD at lr 0.1 on f = ½ (x² + 2 y²) from (1, 1), with `schedule`.
    private func bowl(schedule: String = "") throws -> RunRecord {
        let text = """
            name: bowl
            data: {dataset: quadratic, start: [1.0, 1.0], condition_number: 2}
            train: {steps: 2}
            optimizer: {name: schedule_free_sgd, lr: 0.1}
            \(schedule)
            variants:
              averaged: {}
            """
        return Executor().run(try ManifestLoader.decode(text: text, path: "x.yaml").runs[0])
    }

    private func expectTrajectory(_ record: RunRecord, _ expected: [(x: Double, y: Double)],
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.trajectory.count == expected.count, sourceLocation: sourceLocation)
        for (point, want) in zip(record.trajectory, expected) {
            #expect(abs(point.x - want.x) < 1e-15 && abs(point.y - want.y) < 1e-15, "\(point) against \(want)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Schedule-free SGD (lr 0.1, β 0.9, no warm-up, weight lr² per step) on f = ½ (x² + 2 y²)
    /// from (1, 1), ∇f = (x, 2y), worked by hand:
    ///
    /// - step 1: c = 1, g = (1, 2): z = y = (1, 1) − 0.1 g = (0.9, 0.8), and x = z;
    /// - step 2: c = ½, g = ∇f(0.9, 0.8) = (0.9, 1.6): y ← lerp(y, z, ½) + 0.1 (0.9 · ½ − 1) g
    ///   = (0.8505, 0.712), z ← z − 0.1 g = (0.81, 0.64), x = ½ x + ½ z = (0.855, 0.72).
    ///
    /// f(x) = 1.045 then 0.8839125; at y the second would be 0.868619125.
    @Test func theTrajectoryAndTheValidationLossAreTheAveragedPoint() throws {
        let record = try bowl()
        #expect(record.status == .complete)
        expectTrajectory(record, [(1, 1), (0.9, 0.8), (0.855, 0.72)])
        let losses = record.epochs.compactMap(\.validationLoss)
        #expect(losses.count == 2)
        #expect(abs(losses[0] - 1.045) < 1e-15)
        #expect(abs(losses[1] - 0.8839125) < 1e-15)
        #expect(abs(losses[1] - 0.868619125) > 1e-3)
    }

    /// A manifest schedule sets the rate of each step, as a torch scheduler sets the package's
    /// `lr`: halved at step 2, γ = 0.05 while γmax stays 0.1, so c = ½ as before. From z = y = x =
    /// (0.9, 0.8), g = (0.9, 1.6): z = (0.9, 0.8) − 0.05 g = (0.855, 0.72) and x = ½ (0.9, 0.8) +
    /// ½ z = (0.8775, 0.76).
    @Test func aScheduleSetsEachStepsRate() throws {
        let record = try bowl(schedule: "schedule: {name: step, step_size: 1, gamma: 0.5}")
        #expect(record.trajectory.map(\.learningRate) == [nil, 0.1, 0.05])
        expectTrajectory(record, [(1, 1), (0.9, 0.8), (0.8775, 0.76)])
    }

    /// The network executor validates at x too. Ten identical rows (feature 1, target 1), so
    /// every split holds the same examples; one dense unit, zero weight and bias, MSE; the whole
    /// training part in one batch, so one step per epoch. With θ = (w, b), the prediction is
    /// w + b and the gradient 2 (w + b − 1) for both:
    ///
    /// - step 1: g = −2, z = y = x = 0.2 each: validation (0.4 − 1)² = 0.36;
    /// - step 2: g = 2 (0.4 − 1) = −1.2, c = ½: y = 0.2 + 0.1 (0.45 − 1)(−1.2) = 0.266,
    ///   z = 0.2 + 0.12 = 0.32, x = ½ 0.2 + ½ 0.32 = 0.26: validation (0.52 − 1)² = 0.2304
    ///   (at y it would be (0.532 − 1)² = 0.219024).
    @Test func aNetworkRunIsValidatedAtTheAveragedPoint() throws {
        let folder = try TemporaryFolder("schedule-free")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("experiments"), withIntermediateDirectories: true)
        try folder.write(Array(("a,t\n" + String(repeating: "1,1\n", count: 10)).utf8), to: "data/t.csv")
        let text = """
            name: averaged
            data: {dataset: csv, path: ../data/t.csv, targets: [t]}
            loss: mse
            model:
              - dense: 1
                init: zeros
            train: {epochs: 2, batch_size: 16}
            optimizer: {name: schedule_free_sgd, lr: 0.1}
            variants:
              averaged: {}
            """
        let experiment = try ManifestLoader.decode(text: text, path: folder.path + "/experiments/x.yaml")
        let record = Executor().run(experiment.runs[0])
        #expect(record.status == .complete)
        let losses = record.epochs.compactMap(\.validationLoss)
        #expect(losses.count == 2)
        #expect(abs(losses[0] - 0.36) < 1e-6)
        #expect(abs(losses[1] - 0.2304) < 1e-6)
    }
}
