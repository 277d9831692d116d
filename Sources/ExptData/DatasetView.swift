/// Some rows of a shared ``Dataset``, in a given order, read in place: the training,
/// validation and test parts of a split are views of one storage, so a run holds its examples
/// once however it is split.
///
/// Views of the same storage share its arrays (copy-on-write values that nothing mutates
/// after the split), so a view costs only its list of rows.
public struct DatasetView: Sendable, Equatable {
    /// The examples the view reads from, its own rows and any others.
    public let storage: Dataset
    /// The storage rows of the view's examples, in the view's order.
    public let rows: [Int]

    /// The rows `rows` of `storage`, in that order.
    ///
    /// - Precondition: every row is in `0..<storage.count`.
    public init(_ storage: Dataset, rows: [Int]) {
        precondition(rows.allSatisfy { $0 >= 0 && $0 < storage.count }, "a row is outside 0..<\(storage.count)")
        self.storage = storage
        self.rows = rows
    }

    /// Every row of `storage`, in order.
    public init(all storage: Dataset) {
        self.init(storage, rows: Array(0..<storage.count))
    }

    /// Number of examples in the view.
    public var count: Int { rows.count }
    /// Values per example in the features (see ``Dataset/featureCount``).
    public var featureCount: Int { storage.featureCount }
    /// The shape of one example (see ``Dataset/featureShape``).
    public var featureShape: [Int] { storage.featureShape }
    /// Values per example in the targets: 1 for classification.
    public var targetCount: Int { storage.targetCount }
    /// The number of classes, or nil for regression.
    public var classCount: Int? { storage.classCount }

    /// The view's examples copied into a dataset of their own, in the view's order (for
    /// checks; training and evaluation read the view in place).
    public func copied() -> Dataset {
        storage.rows(rows[...])
    }
}
