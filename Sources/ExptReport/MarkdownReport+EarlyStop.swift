import ExptManifest
import ExptStore

/// The Early stopping section of report.md: each run that `train.early_stop` ended before its
/// last epoch, with the epoch it stopped after and its best epoch. Absent when no run stopped
/// early, so reports of experiments without early stopping are unchanged.
extension MarkdownReport {
    var earlyStops: String? {
        let lines = outcomes.compactMap { outcome -> String? in
            let record = outcome.record
            guard let stop = record.earlyStop, let config = record.spec.config.train.earlyStop else { return nil }
            let restored = config.restoreBest ? " (its weights restored for the test set)" : ""
            return "- **\(Markdown.inline(record.spec.variant))**, seed \(record.spec.seed): stopped after epoch \(stop.epoch) "
                + "of \(record.spec.config.train.epochs); best \(config.metric.rawValue) at epoch \(stop.bestEpoch)\(restored)\n"
        }
        guard !lines.isEmpty else { return nil }
        return "## Early stopping\n\nRuns that `train.early_stop` ended when their metric stopped improving; "
            + "their last epoch is their final one in the tables above.\n\n" + lines.joined()
    }
}
