/// How a run with `train.early_stop` ended early: the last epoch it trained and the epoch whose
/// metric was best. Stored in status.json as `early_stop`, and only for a run that did stop early.
public struct EarlyStopOutcome: Sendable, Equatable, Codable {
    /// The last epoch trained: the run stopped after it.
    public var epoch: Int
    /// The epoch with the best value of the watched metric (whose weights `restore_best` restores).
    public var bestEpoch: Int

    public init(epoch: Int, bestEpoch: Int) {
        self.epoch = epoch
        self.bestEpoch = bestEpoch
    }

    enum CodingKeys: String, CodingKey {
        case epoch
        case bestEpoch = "best_epoch"
    }
}
