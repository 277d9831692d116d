import ExptConfig

/// A column of a CSV file: by its header name, or by its 0-based position.
public enum CSVColumn: Sendable, Hashable, Codable, CustomStringConvertible {
    case name(String)
    case index(Int)

    public var description: String {
        switch self {
        case .name(let name): name.debugDescription
        case .index(let index): "\(index)"
        }
    }
}

/// What a CSV file's examples are trained to predict.
public enum CSVTarget: Sendable, Hashable, Codable {
    /// A class label: every cell a non-negative integer (the class index; classes are 0 to the
    /// largest), or else names (each distinct text a class, numbered in sorted order).
    case label(CSVColumn)
    /// Regression: these columns' numbers, in this order.
    case values([CSVColumn])
}

/// A table of numbers in a CSV file (RFC 4180, comma-separated), one example per row: the
/// target column or columns, and every other column as a feature (shape `[columns]`).
public struct CSVSettings: DatasetKind {
    public static let name = "csv"
    public static let summary = "A CSV file: a label (classification) or targets (regression), the rest inputs."
    public static var settings: [Hyperparameter<Self>] {
        let either = "one of label and targets"
        return [
            .file("path", \.file, required: true, "The CSV file."),
            Hyperparameter("header", .flag(\.header), "Whether the first row names the columns."),
            Hyperparameter("label", .described(HyperparameterDescription(
                type: "column name, or 0-based column index", defaultValue: either,
                text: { if case .label(let column) = $0.target { "\(column)" } else { nil } })), "The class label column."),
            Hyperparameter("targets", .described(HyperparameterDescription(
                type: "column, or sequence of columns", defaultValue: either,
                text: { if case .values(let columns) = $0.target { "[" + columns.map(\.description).joined(separator: ", ") + "]" } else { nil } })),
                "The regression target columns (the loss must be mse)."),
        ]
    }

    /// The file; nil only before a manifest names it.
    public var file: DataFile?
    /// Whether the first row holds the column names. Default true.
    public var header = true
    /// The label or target columns; nil only before a manifest names them.
    public var target: CSVTarget?

    public init() {}

    public init(file: DataFile, header: Bool = true, target: CSVTarget) {
        self.file = file
        self.header = header
        self.target = target
    }

    public var classCount: Int? { nil }
    public var inputShape: [Int]? { nil }
    public var dataFiles: [DataFile] { file.map { [$0] } ?? [] }

    public var isRegression: Bool {
        if case .values = target { true } else { false }
    }

    public func load(seed: UInt64) throws(DataFileError) -> LoadedData {
        try table().load()
    }

    /// Reads the whole file: its header alone does not tell the columns' types.
    public func inspect() throws(DataFileError) -> DataFileSummary? {
        let examples = try table().load().examples
        return DataFileSummary(featureShape: examples.featureShape, classes: examples.classCount, targets: examples.targetCount)
    }

    private func table() throws(DataFileError) -> CSVTable {
        guard let file, let target else {
            throw DataFileError(path: file?.path ?? "", location: .file, message: "expected a file and its label or targets, found none")
        }
        return CSVTable(file: file, header: header, target: target)
    }
}
