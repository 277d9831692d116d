import ExptConfig

/// A dataset as a manifest declares it: the settings of one of ``DatasetRegistry``'s kinds.
///
/// Encoded as `{"<name>": {"_0": {<settings>}}}`, the form the stored runs' config.json (and
/// so their run ids) were written in.
public struct DatasetConfig: StoredKindValue, Sendable, Hashable {
    /// The settings of whichever dataset this is; their type is the dataset's kind.
    public let kind: any DatasetKind

    public init(_ kind: any DatasetKind) {
        self.kind = kind
    }

    /// The name used in manifests and reports.
    public var name: String { kind.displayName }

    /// Every setting by its manifest name, in a fixed order, formatted for reports.
    public var settings: [(name: String, value: String)] { kind.listed }

    /// The examples, and the dataset's own test set when it has one (a 2D test function has
    /// no examples: its dataset is empty). Generated datasets are drawn deterministically from
    /// `seed`: the same seed gives the same values, bit for bit, on every machine. Files are
    /// read whole and checked; a missing, truncated or corrupt one throws.
    public func load(seed: UInt64) throws(DataFileError) -> LoadedData { try kind.load(seed: seed) }

    /// For a dataset read from files, checks that they exist and that their headers are valid,
    /// and returns what they say; nil for a generated dataset.
    public func inspect() throws(DataFileError) -> DataFileSummary? { try kind.inspect() }

    /// The number of examples of `load(seed:).examples`, without loading them; nil when only
    /// reading the files would tell.
    public var sampleCount: Int? { kind.exampleCount }
    /// The `samples` setting of a generated dataset; nil for files.
    public var samples: Int? { kind.requestedSamples }
    /// The number of classes, or nil for regression.
    public var classes: Int? { kind.classCount }
    /// The number of regression targets (1 for classification, whose target is the class).
    public var targets: Int { kind.targetCount }
    /// The shape of one example when the settings tell it; nil for files.
    public var inputShape: [Int]? { kind.inputShape }
    /// Whether `load` returns a test set of the dataset's own.
    public var hasOwnTestSet: Bool { kind.hasOwnTestSet }
    /// Whether the targets are values to fit (regression) rather than classes.
    public var isRegression: Bool { kind.isRegression }
    /// The range every feature is known to lie in, whatever the examples.
    public var valueRange: ClosedRange<Double>? { kind.valueRange }
    /// The files the dataset reads, in the manifest's order; empty for a generated dataset.
    public var dataFiles: [DataFile] { kind.dataFiles }
    /// Whether `load(seed:)` reads files, which may turn out truncated or corrupt when read in
    /// full; generated datasets cannot fail to load.
    public var readsFiles: Bool { !kind.dataFiles.isEmpty }

    /// Whether this is a 2D test function, which an optimizer moves directly (no examples).
    public var isTestFunction: Bool { kind is FunctionSettings }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(type(of: kind)))
        kind.hash(into: &hasher)
    }

    /// Stored runs may hold a 2D test function, which `DatasetRegistry.kinds` leaves out.
    public static var kinds: [any KindSettings.Type] { DatasetRegistry.stored }
    public static var family: String { "dataset" }
    public var storedSettings: any KindSettings { kind }
}
