import ExptManifest
import ExptStore
import Testing
@testable import ExptRunner

/// A schedule-free run records the averaged point x, not the training point y: its trajectory,
/// and the validation loss of each step, are those of x.
struct ScheduleFreeEvaluationRunTests {
    /// Schedule-free SGD (lr 0.1, β 0.9, no warm-up, weight lr² per step) on f = ½ (x² + 2 y²)
    /// from (1, 1), ∇f = (x, 2y), worked by hand:
    ///
    /// - step 1: c = 1, g = (1, 2): z = y = (1, 1) − 0.1 g = (0.9, 0.8), and x = z;
    /// - step 2: c = ½, g = ∇f(0.9, 0.8) = (0.9, 1.6): y ← lerp(y, z, ½) + 0.1 (0.9 · ½ − 1) g
    ///   = (0.8505, 0.712), z ← z − 0.1 g = (0.81, 0.64), x = ½ x + ½ z = (0.855, 0.72).
    ///
    /// f(x) = 1.045 then 0.8839125; at y the second would be 0.868619125.
    @Test func theTrajectoryAndTheValidationLossAreTheAveragedPoint() throws {
        let text = """
            name: bowl
            data: {dataset: quadratic, start: [1.0, 1.0], condition_number: 2}
            train: {steps: 2}
            optimizer: {name: schedule_free_sgd, lr: 0.1}
            variants:
              averaged: {}
            """
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        let record = Executor().run(experiment.runs[0])
        #expect(record.status == .complete)
        let expected: [(x: Double, y: Double)] = [(1, 1), (0.9, 0.8), (0.855, 0.72)]
        #expect(record.trajectory.count == 3)
        for (point, want) in zip(record.trajectory, expected) {
            #expect(abs(point.x - want.x) < 1e-15 && abs(point.y - want.y) < 1e-15, "\(point) against \(want)")
        }
        let losses = record.epochs.compactMap(\.validationLoss)
        #expect(losses.count == 2)
        #expect(abs(losses[0] - 1.045) < 1e-15)
        #expect(abs(losses[1] - 0.8839125) < 1e-15)
        #expect(abs(losses[1] - 0.868619125) > 1e-3)
    }
}
