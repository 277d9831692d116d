import ExptManifest
import ExptRunner
import ExptStore
import Testing

/// A run that early stopping ends before its last epoch still has its sharpness measured at the
/// epoch it ends after, the run's last (and only there, without `every`).
struct SharpnessEarlyStopTests {
    @Test func theEpochEarlyStoppingEndsAfterIsMeasured() {
        var spec = sampleSpec()
        // No epoch improves on the first by 10⁹: the run ends after epoch 2 of 3.
        spec.config.train.earlyStop = EarlyStopConfig(patience: 1, minDelta: 1e9)
        spec.config.analysis = AnalysisConfig(sharpness: SharpnessSettings(examples: 20, iterations: 3), interpolation: nil)
        let record = Executor().run(spec)
        #expect(record.status == .complete)
        #expect(record.earlyStop == EarlyStopOutcome(epoch: 2, bestEpoch: 1))
        #expect(record.epochs.map { $0.sharpness == nil } == [true, false])
        #expect(record.epochs.last?.sharpness.map { $0.isFinite && $0 > 0 } == true)
    }
}
