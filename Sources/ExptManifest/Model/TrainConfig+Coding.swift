/// The stored form of ``TrainConfig``: its four numbers under their Swift names, then each
/// later setting that changes what a run records only when set (`earlyStop`), so that the runs
/// without it keep the canonical JSON, and the ids, of before it existed. `saveWeights` and
/// `checkpointEvery` are never written (which weights a run keeps and whether it can resume
/// change none of its numbers, so they must not change its id) and read back empty.
extension TrainConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize, threads, recordEvery, earlyStop
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(epochs: try container.decode(Int.self, forKey: .epochs), batchSize: try container.decode(BatchSize.self, forKey: .batchSize),
                  threads: try container.decode(Int.self, forKey: .threads), recordEvery: try container.decode(Int.self, forKey: .recordEvery),
                  earlyStop: try container.decodeIfPresent(EarlyStopConfig.self, forKey: .earlyStop))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(threads, forKey: .threads)
        try container.encode(recordEvery, forKey: .recordEvery)
        try container.encodeIfPresent(earlyStop, forKey: .earlyStop)
    }
}
