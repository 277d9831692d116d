import ExptConfig

/// A kind of dataset a manifest names (`dataset: NAME`): its settings type,
/// described by its table (``KindSettings``: decoding, `expt schema`, `expt list`, the docs and
/// the report read it), and what the runner, the decoder and the store ask of a dataset. Each
/// kind is one type in one file, listed once in ``DatasetRegistry``.
///
/// A dataset of n examples with f feature values and t target values each takes 4·n·(f + t)
/// bytes; the decoder checks `samples`·(∏ `inputShape` + `targets`)·4 against ``MemoryBudget``.
public protocol DatasetKind: KindSettings, Hashable {
    /// The name in reports and messages; by default the kind's `name` (a test function's own).
    var displayName: String { get }
    /// The number of classes, or nil for regression (or when only the files tell).
    var classCount: Int? { get }
    /// Values per target: 1 for classification, whose target is the class. Default 1.
    var targetCount: Int { get }
    /// Whether the targets are values to fit (regression) rather than classes. Default false.
    var isRegression: Bool { get }
    /// For features that are token ids (exact small integers stored as Float, one per position),
    /// how many tokens there are: every id lies in `0..<vocabularySize`, and an `embedding`
    /// layer's vocabulary must be at least this. Nil (default) for any other features.
    var vocabularySize: Int? { get }
    /// The shape of one example when the settings tell it; nil when only the files tell.
    var inputShape: [Int]? { get }
    /// The `samples` setting, checked against the classes and the memory budget; nil when
    /// only the files tell (default).
    var requestedSamples: Int? { get }
    /// The examples of `load(seed:).examples`, without loading them; by default
    /// `requestedSamples` (negative counts as 0).
    var exampleCount: Int? { get }
    /// Whether `load` returns a test set of the dataset's own. Default false.
    var hasOwnTestSet: Bool { get }
    /// The range every feature is known to lie in whatever the examples (0 to 255 for pixel
    /// bytes, so that `normalize: scale` divides them by 255); default nil.
    var valueRange: ClosedRange<Double>? { get }
    /// The files `load` reads, in the manifest's order; empty (default) for a generated dataset.
    var dataFiles: [DataFile] { get }
    /// The data seed when the manifest sets none. Default 0.
    static var defaultSeed: UInt64 { get }
    /// The largest data seed the generator takes and why, or nil (default) for any seed.
    static var seedLimit: (largest: UInt64, reason: String)? { get }
    /// The examples, and the dataset's own test set when it has one; generated ones drawn
    /// deterministically from `seed`, files read whole and checked.
    func load(seed: UInt64) throws(DataFileError) -> LoadedData
    /// For a dataset read from files: checks that they exist and that their headers are valid,
    /// and returns what they say. Nil (default) for a generated dataset.
    func inspect() throws(DataFileError) -> DataFileSummary?
    /// The fraction of the examples held out for validation when the dataset's own settings
    /// fix it (`modular_arithmetic`: 1 − `train_fraction`), or nil (default): `data.validation`
    /// decides. The manifest then refuses `data.validation` and stores this fraction in its place.
    var validationFraction: Double? { get }
    /// Whether the split keeps the examples in order (the windows of a text, split by position:
    /// training the first, then validation, then test) instead of shuffling them. Default false.
    var splitsInOrder: Bool { get }
}

extension DatasetKind {
    public var displayName: String { Self.name }
    public var targetCount: Int { 1 }
    public var isRegression: Bool { false }
    public var vocabularySize: Int? { nil }
    public var requestedSamples: Int? { nil }
    public var exampleCount: Int? { requestedSamples.map { max($0, 0) } }
    public var hasOwnTestSet: Bool { false }
    public var valueRange: ClosedRange<Double>? { nil }
    public var dataFiles: [DataFile] { [] }
    public static var defaultSeed: UInt64 { 0 }
    public static var seedLimit: (largest: UInt64, reason: String)? { nil }
    public func inspect() throws(DataFileError) -> DataFileSummary? { nil }
    public var validationFraction: Double? { nil }
    public var splitsInOrder: Bool { false }
}

/// The limits of the settings every dataset shares.
public enum DatasetLimits {
    public static let maximumSamples = 10_000_000
    public static let maximumClasses = 1000
    public static let maximumFeatures = 10_000
}

extension Hyperparameter where Settings: DatasetKind {
    /// `samples`: examples, 1 to ``DatasetLimits/maximumSamples``.
    static func samples(_ path: WritableKeyPath<Settings, Int>, _ meaning: String) -> Self {
        Self("samples", .integer(path, 1...DatasetLimits.maximumSamples), meaning)
    }

    /// `classes`: 2 to ``DatasetLimits/maximumClasses``.
    static func classes(_ path: WritableKeyPath<Settings, Int>, _ meaning: String) -> Self {
        Self("classes", .integer(path, 2...DatasetLimits.maximumClasses), meaning)
    }

    /// An input or output count, 1 to ``DatasetLimits/maximumFeatures``.
    static func features(_ key: String, _ path: WritableKeyPath<Settings, Int>, _ meaning: String) -> Self {
        Self(key, .integer(path, 1...DatasetLimits.maximumFeatures), meaning)
    }

    /// `noise`: the standard deviation of the Gaussian noise on each coordinate.
    static func noise(_ path: WritableKeyPath<Settings, Double>,
                      _ meaning: String = "Standard deviation of the Gaussian noise on each coordinate.") -> Self {
        Self("noise", .number(path, .nonNegative), meaning)
    }

    /// A file path the manifest must give (`required`) or may leave out, listed as written.
    static func file(_ key: String, _ path: KeyPath<Settings, DataFile?>, required: Bool, _ meaning: String) -> Self {
        Self(key, .described(HyperparameterDescription(type: "path", defaultValue: required ? nil : "none",
                                                       text: { $0[keyPath: path]?.path })), meaning)
    }
}
