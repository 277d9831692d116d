import ExptManifest
import ExptStore
import Testing
@testable import ExptRunner

/// L-BFGS, SAM and Lookahead run from a manifest: on a 2D function (hand-computed points) and on
/// a tiny network with the full batch, where the executor's `reevaluate` runs the model again.
struct ClosureOptimizerRunTests {
    /// f = ½ (x² + 2 y²), so ∇f = (x, 2y).
    private func functionRun(_ optimizer: String, start: String, steps: Int) throws -> RunRecord {
        let text = """
            name: bowl
            data: {dataset: quadratic, start: \(start), condition_number: 2}
            train: {steps: \(steps)}
            optimizer: \(optimizer)
            variants:
              only: {}
            """
        return Executor().run(try ManifestLoader.decode(text: text, path: "x.yaml").runs[0])
    }

    /// At (3, 2) the gradient is (3, 4), of norm 5: ε = 0.5 · (3, 4)/5 = (0.3, 0.4), the gradient
    /// at (3.3, 2.4) is (3.3, 4.8), and SGD at lr 0.1 from (3, 2) gives (2.67, 1.52).
    @Test func samOnAFunctionStepsWithTheAscendedGradient() throws {
        let record = try functionRun("{name: sam, rho: 0.5, base: {name: sgd, lr: 0.1}}", start: "[3.0, 2.0]", steps: 1)
        let point = record.trajectory[1]
        #expect(abs(point.x - 2.67) < 1e-12 && abs(point.y - 1.52) < 1e-12, "\(point)")
        #expect(record.trajectory[1].learningRate == 0.1)
    }

    /// k = 2, α = 0.5, SGD at lr 0.1 from (1, 1): (0.9, 0.8), then (0.81, 0.64) pulled halfway
    /// back to (1, 1): (0.905, 0.82).
    @Test func lookaheadOnAFunctionPullsEveryKSteps() throws {
        let record = try functionRun("{name: lookahead, k: 2, alpha: 0.5, base: {name: sgd, lr: 0.1}}", start: "[1.0, 1.0]", steps: 2)
        let expected: [(x: Double, y: Double)] = [(1, 1), (0.9, 0.8), (0.905, 0.82)]
        for (point, want) in zip(record.trajectory, expected) {
            #expect(abs(point.x - want.x) < 1e-15 && abs(point.y - want.y) < 1e-15, "\(point)")
        }
    }

    /// One L-BFGS step (up to 20 iterations with the strong-Wolfe search) from (3, 2) ends where
    /// torch.optim.LBFGS(line_search_fn="strong_wolfe") ends in float64 with the same gradient
    /// (x, 2y) and loss ½ (x² + 2y²): (1.1737089845401748e-06, 8.327128252034674e-07), after 6
    /// evaluations, stopped by the loss changing by less than tolerance_change.
    @Test func lbfgsOnAFunctionEndsWhereTorchEnds() throws {
        let record = try functionRun("lbfgs", start: "[3.0, 2.0]", steps: 1)
        let point = record.trajectory[1]
        #expect(abs(point.x / 1.1737089845401748e-06 - 1) < 1e-9 && abs(point.y / 8.327128252034674e-07 - 1) < 1e-9, "\(point)")
    }

    /// 16 blobs, full batch, 3 epochs (3 steps) of a linear classifier.
    private func networkRun(_ optimizer: String) throws -> RunRecord {
        let text = """
            name: tiny
            data: {dataset: blobs, samples: 16, classes: 2, features: 2, validation: 0}
            model: [{dense: 2}]
            train: {epochs: 3, batch_size: full}
            optimizer: \(optimizer)
            compare: {metric: train_loss}
            variants:
              only: {}
            """
        let record = Executor().run(try ManifestLoader.decode(text: text, path: "x.yaml").runs[0])
        #expect(record.status == .complete)
        return record
    }

    /// Lookahead with α = 1 keeps the fast weights (θ ← 1 · θ + 0 · φ, exact): its run is its
    /// base's, bit for bit.
    @Test func lookaheadWithAlphaOneIsItsBase() throws {
        let plain = try networkRun("{name: sgd, lr: 0.5, momentum: 0.9}")
        let wrapped = try networkRun("{name: lookahead, k: 2, alpha: 1, base: {name: sgd, lr: 0.5, momentum: 0.9}}")
        #expect(wrapped.epochs.map(\.trainLoss) == plain.epochs.map(\.trainLoss))
    }

    /// SAM's steps differ from its base's (the second gradient is taken elsewhere) and, with a
    /// small ρ, stay close to them; both lower the loss.
    @Test func samOnANetworkStaysNearItsBase() throws {
        let plain = try networkRun("{name: sgd, lr: 0.5}").epochs.map(\.trainLoss)
        let sam = try networkRun("{name: sam, rho: 0.01, base: {name: sgd, lr: 0.5}}").epochs.map(\.trainLoss)
        #expect(sam != plain)
        #expect(zip(sam, plain).allSatisfy { abs($0 - $1) < 0.05 }, "\(sam) against \(plain)")
        #expect(sam[2] < sam[0])
    }

    /// Full-batch L-BFGS, through the executor's `reevaluate` (the model run again on the batch),
    /// lowers the loss at every step.
    @Test func lbfgsOnANetworkLowersTheLossEveryStep() throws {
        let losses = try networkRun("{name: lbfgs, max_iter: 5}").epochs.map(\.trainLoss)
        #expect(losses[0] > losses[1] && losses[1] > losses[2], "\(losses)")
    }
}
