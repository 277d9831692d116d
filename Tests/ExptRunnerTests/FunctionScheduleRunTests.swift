import ExptManifest
import ExptOptim
import ExptStore
import Testing
@testable import ExptRunner

/// A schedule and clipping applied to the steps of a 2D-function run, the rate of each step
/// recorded in its trajectory.
struct FunctionScheduleRunTests {
    /// f = ½ (x² + 2 y²), so ∇f = (x, 2y), from (1, 1).
    private func run(_ settings: String, start: String = "[1.0, 1.0]") throws -> RunRecord {
        let text = """
            name: bowl
            data: {dataset: quadratic, start: \(start), condition_number: 2}
            train: {steps: 3}
            optimizer: {name: sgd, lr: 0.1}
            \(settings)
            variants:
              sgd: {}
            """
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        return Executor().run(experiment.runs[0])
    }

    @Test func aStepScheduleHalvesTheRateEveryStep() throws {
        let record = try run("schedule: {name: step, step_size: 1, gamma: 0.5}")
        // Rates 0.1, 0.05, 0.025: x ← x (1 − lr), y ← y (1 − 2 lr).
        #expect(record.trajectory.map(\.learningRate) == [nil, 0.1, 0.05, 0.025])
        let expected: [(x: Double, y: Double)] = [(1, 1), (0.9, 0.8), (0.855, 0.72), (0.833625, 0.684)]
        for (point, want) in zip(record.trajectory, expected) {
            #expect(abs(point.x - want.x) < 1e-15 && abs(point.y - want.y) < 1e-15)
        }
        #expect(record.epochs.map(\.learningRate) == [0.1, 0.05, 0.025])
    }

    @Test func clippingByNormShortensTheFirstStep() throws {
        // At (3, 4) with κ = 2 the gradient is (3, 8), of norm √73; clipped to norm 1 it is
        // (3, 8) / (√73 + 1e-6), and the step of rate 0.1 takes a tenth of that.
        let record = try run("clip: {norm: 1}", start: "[3.0, 4.0]")
        let scale = 0.1 / (73.0.squareRoot() + 1e-6)
        let first = record.trajectory[1]
        #expect(abs(first.x - (3 - 3 * scale)) < 1e-12 && abs(first.y - (4 - 8 * scale)) < 1e-12)
        #expect(record.trajectory[1].learningRate == 0.1)
    }
}
