/// The stored form of ``TrainConfig``: its four numbers under their Swift names, as before
/// `save_weights` existed. `saveWeights` is never written (which weights a run keeps does not
/// change its numbers, so it must not change its id) and reads back empty.
extension TrainConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize, threads, recordEvery
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(epochs: try container.decode(Int.self, forKey: .epochs), batchSize: try container.decode(BatchSize.self, forKey: .batchSize),
                  threads: try container.decode(Int.self, forKey: .threads), recordEvery: try container.decode(Int.self, forKey: .recordEvery))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(threads, forKey: .threads)
        try container.encode(recordEvery, forKey: .recordEvery)
    }
}
