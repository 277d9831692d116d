/// The stored form of ``TrainConfig``: its four numbers under their Swift names, then each
/// later setting that changes what a run records only when set (`earlyStop`), so that the runs
/// without it keep the canonical JSON, and the ids, of before it existed; so are the recording
/// switches `layerStatistics` and `evaluateTraining`, only when on (an absent one reads as off). `saveWeights` and
/// `checkpointEvery` are never written (which weights a run keeps and whether it can resume
/// change none of its numbers, so they must not change its id) and read back empty.
extension TrainConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize, threads, recordEvery, earlyStop, layerStatistics, evaluateTraining
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(epochs: try container.decode(Int.self, forKey: .epochs), batchSize: try container.decode(BatchSize.self, forKey: .batchSize),
                  threads: try container.decode(Int.self, forKey: .threads), recordEvery: try container.decode(Int.self, forKey: .recordEvery),
                  earlyStop: try container.decodeIfPresent(EarlyStopConfig.self, forKey: .earlyStop),
                  layerStatistics: try container.decodeIfPresent(Bool.self, forKey: .layerStatistics) ?? false,
                  evaluateTraining: try container.decodeIfPresent(Bool.self, forKey: .evaluateTraining) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(threads, forKey: .threads)
        try container.encode(recordEvery, forKey: .recordEvery)
        try container.encodeIfPresent(earlyStop, forKey: .earlyStop)
        if layerStatistics { try container.encode(true, forKey: .layerStatistics) }
        if evaluateTraining { try container.encode(true, forKey: .evaluateTraining) }
    }
}
