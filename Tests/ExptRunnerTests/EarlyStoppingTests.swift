import ExptManifest
import ExptStore
import Testing
@testable import ExptRunner

/// Early stopping's rule on hand-made sequences of metrics.
struct EarlyStoppingTests {
    private static func epoch(_ number: Int, trainLoss: Double = 1, validationLoss: Double? = nil,
                              validationAccuracy: Double? = nil) -> EpochMetrics {
        EpochMetrics(epoch: number, step: number, trainLoss: trainLoss, validationLoss: validationLoss,
                     validationAccuracy: validationAccuracy, learningRate: 0.1, elapsedSeconds: 0)
    }

    /// The epochs after which the rule says stop, fed `values` of val_loss in order.
    private static func stops(_ config: EarlyStopConfig, validationLosses values: [Double]) -> (stops: [Bool], best: Int) {
        var rule = EarlyStopping(config)
        let stops = values.enumerated().map { rule.observe(epoch($0.offset + 1, validationLoss: $0.element)) }
        return (stops, rule.bestEpoch)
    }

    /// Best 0.5 at epoch 2; epochs 3 (0.6), 4 (0.5, not better) and 5 (0.55) do not improve: patience 3 stops after 5.
    @Test func stopsAfterPatienceEpochsWithoutImprovement() {
        let result = Self.stops(EarlyStopConfig(patience: 3), validationLosses: [0.7, 0.5, 0.6, 0.5, 0.55])
        #expect(result.stops == [false, false, false, false, true])
        #expect(result.best == 2)
    }

    /// With min_delta 0.1, 0.45 after 0.5 is not enough (needs < 0.4), 0.39 is.
    @Test func anImprovementMustExceedTheDelta() {
        let result = Self.stops(EarlyStopConfig(patience: 2, minDelta: 0.1), validationLosses: [0.5, 0.45, 0.39, 0.35, 0.3])
        #expect(result.stops == [false, false, false, false, true])
        #expect(result.best == 3)
    }

    /// Accuracy improves by rising: 0.6, 0.8, 0.7, 0.8 with patience 2 stops after epoch 4, best epoch 2.
    @Test func accuracyImprovesByRising() {
        var rule = EarlyStopping(EarlyStopConfig(metric: .validationAccuracy, patience: 2))
        let stops = [0.6, 0.8, 0.7, 0.8].enumerated().map { rule.observe(Self.epoch($0.offset + 1, validationAccuracy: $0.element)) }
        #expect(stops == [false, false, false, true])
        #expect(rule.bestEpoch == 2)
    }

    /// A NaN never improves, and a first finite value always does.
    @Test func notANumberNeverImproves() {
        let result = Self.stops(EarlyStopConfig(patience: 1), validationLosses: [.nan, 3])
        #expect(result.stops == [true, false])
        #expect(result.best == 2)
    }
}
