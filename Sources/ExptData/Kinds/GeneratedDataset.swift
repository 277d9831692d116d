/// A dataset drawn from a seed rather than read from files: its examples come from
/// `generate(seed:)`, and its `samples` setting is their number.
public protocol GeneratedDataset: DatasetKind {
    /// Total examples. The manifest checks it against the classes and the memory budget.
    var samples: Int { get }
    /// The examples, drawn deterministically from `seed`: the same seed gives the same values,
    /// bit for bit, on every machine (see each kind for its formulas).
    func generate(seed: UInt64) -> Dataset
}

extension GeneratedDataset {
    public var requestedSamples: Int? { samples }

    public func load(seed: UInt64) -> LoadedData {
        LoadedData(examples: generate(seed: seed))
    }
}
