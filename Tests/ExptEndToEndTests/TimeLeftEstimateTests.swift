import ExptManifest
import ExptRunner
import ExptStore
import Testing
@testable import expt

/// The time left of a batch, from measured epochs, by hand.
struct TimeLeftEstimateTests {
    /// 100 training examples; variant a's model has 6 multiply-adds an example (cost 600 an
    /// epoch), b's 20 + 10 + 20 + 2 = 52 (cost 5200 an epoch); 10 epochs each, seeds 0 and 1.
    static func runs() throws -> [RunSpec] {
        try ManifestLoader.decode(text: """
            name: eta
            seeds: [0, 1]
            data: {dataset: blobs, samples: 100, classes: 2, features: 2, validation: 0}
            model: [{dense: 2}]
            train: {epochs: 10}
            optimizer: {name: sgd, lr: 0.1}
            compare: {metric: train_loss}
            variants:
              a: {}
              b: {model: [{dense: 10}, {dense: 2}]}
            """, path: "x.yaml").runs
    }

    @Test func nothingMeasuredGivesNoEstimate() throws {
        var estimate = TimeLeftEstimate()
        estimate.plan(try Self.runs())
        #expect(estimate.secondsLeft == nil)
    }

    @Test func unmeasuredVariantsScaleByTheirCost() throws {
        let runs = try Self.runs()
        var estimate = TimeLeftEstimate()
        estimate.plan(runs)
        estimate.measured(runs[0], seconds: 1, epochs: 2)
        // a seed 0: 0.5 s × 8 epochs; a seed 1: 0.5 s × 10; b: 5200 / 600 × 0.5 s × 10 each.
        let expected = 4.0 + 5.0 + 2 * (5200.0 / 1200.0 * 10)
        #expect(abs(try #require(estimate.secondsLeft) - expected) < 1e-9)
    }

    @Test func measuredVariantsUseTheirOwnTimeSharedByTheWorkers() throws {
        let runs = try Self.runs()
        var estimate = TimeLeftEstimate()
        estimate.plan(runs)
        estimate.workers = 2
        estimate.finished(runs[0], seconds: 4, epochs: 10)
        estimate.measured(runs[2], seconds: 2, epochs: 1)
        // a seed 1: 0.4 s × 10; b seed 0: 2 s × 9; b seed 1: 2 s × 10; over 2 workers.
        let expected = (4.0 + 18.0 + 20.0) / 2
        #expect(abs(try #require(estimate.secondsLeft) - expected) < 1e-9)
    }
}

/// With `--jobs 2` the live line shows both runs in flight.
struct LiveLineTests {
    @Test func everyRunInFlightIsShown() throws {
        let runs = try TimeLeftEstimateTests.runs()
        let display = ProgressDisplay(mode: .lines, compare: Comparison(metric: .trainLoss))
        display.planned(runs, workers: 2)
        display.started(index: 1, total: 4, spec: runs[0])
        display.started(index: 2, total: 4, spec: runs[1])
        display.epochEnded(EpochMetrics(epoch: 2, step: 8, trainLoss: 0.5, validationLoss: nil, validationAccuracy: nil,
                                        learningRate: 0.1, elapsedSeconds: 1), of: runs[0])
        display.epochEnded(EpochMetrics(epoch: 1, step: 4, trainLoss: 0.7, validationLoss: nil, validationAccuracy: nil,
                                        learningRate: 0.1, elapsedSeconds: 0.5), of: runs[1])
        // Left: 0.5 s × 8 + 0.5 s × 9 for a, and for each b 10 epochs at 5200 / 1800 × 1.5 s:
        // 95.17 s over 2 workers, 48 s.
        #expect(display.liveLine == "[1/4] a seed 0  epoch 2/10  loss 0.5  |  [2/4] a seed 1  epoch 1/10  loss 0.7  ETA 48s")
    }
}
