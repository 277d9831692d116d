import ExptManifest
import ExptStore

extension RunRecord {
    /// The first epoch whose compared metric reached `target`: at least it when the goal is to
    /// maximise, at most it when to minimise; nil when none did.
    func firstEpoch(reaching target: Double, by compare: Comparison) -> EpochMetrics? {
        epochs.first { epoch in
            guard let value = epoch.value(of: compare.metric) else { return false }
            return compare.goal == .maximize ? value >= target : value <= target
        }
    }
}
