import ExptEngine
import ExptStore

/// What a run carries from one epoch to the next apart from its network, optimizers and
/// schedule: the epochs recorded (and each layer's statistics, with `train.layer_stats`), the steps taken, the training rows in the order of the last
/// shuffle and the generator that shuffles them, early stopping's progress and the weights of
/// its best epoch, and the seconds trained before (by the process that saved a checkpoint).
struct TrainingState: Codable {
    var epochs: [EpochMetrics] = []
    var layers: [LayerEpochStatistics] = []
    var step = 0
    var order: [Int]
    var shuffling: SeededGenerator
    var earlyStopping: EarlyStopping?
    /// The network at the best epoch's evaluation point, kept for `restore_best`.
    var best: NetworkState?
    /// Seconds trained by earlier processes (0 unless resumed from a checkpoint).
    var earlierSeconds = 0.0

    init(order: [Int], shuffling: SeededGenerator, earlyStopping: EarlyStopping?) {
        self.order = order
        self.shuffling = shuffling
        self.earlyStopping = earlyStopping
    }

    enum CodingKeys: String, CodingKey {
        case epochs, layers, step, order, shuffling, earlyStopping, best, earlierSeconds
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        epochs = try container.decode([EpochMetrics].self, forKey: .epochs)
        layers = try container.decodeIfPresent([LayerEpochStatistics].self, forKey: .layers) ?? []
        step = try container.decode(Int.self, forKey: .step)
        order = try container.decode([Int].self, forKey: .order)
        let words = try container.decode([UInt64].self, forKey: .shuffling)
        guard words.count == 4 else {
            throw DecodingError.dataCorruptedError(forKey: .shuffling, in: container, debugDescription: "a generator's state is four words")
        }
        shuffling = SeededGenerator(words: words)
        earlyStopping = try container.decodeIfPresent(EarlyStopping.self, forKey: .earlyStopping)
        best = try container.decodeIfPresent(NetworkState.self, forKey: .best)
        earlierSeconds = try container.decode(Double.self, forKey: .earlierSeconds)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        if !layers.isEmpty { try container.encode(layers, forKey: .layers) }
        try container.encode(step, forKey: .step)
        try container.encode(order, forKey: .order)
        try container.encode(shuffling.words, forKey: .shuffling)
        try container.encodeIfPresent(earlyStopping, forKey: .earlyStopping)
        try container.encodeIfPresent(best, forKey: .best)
        try container.encode(earlierSeconds, forKey: .earlierSeconds)
    }

    /// Where early stopping ended the run, when it did.
    var earlyStop: EarlyStopOutcome? {
        guard let earlyStopping, let last = epochs.last, earlyStopping.shouldStop else { return nil }
        return EarlyStopOutcome(epoch: last.epoch, bestEpoch: earlyStopping.bestEpoch)
    }
}
