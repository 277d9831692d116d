/// What a file dataset's files say about its examples without loading them all.
public struct DataFileSummary: Sendable, Equatable {
    /// The shape of one example.
    public var featureShape: [Int]
    /// The number of classes, or nil for regression.
    public var classes: Int?
    /// Values per target: 1 for classification.
    public var targets: Int

    public init(featureShape: [Int], classes: Int?, targets: Int) {
        self.featureShape = featureShape
        self.classes = classes
        self.targets = targets
    }
}

extension DatasetConfig {
    /// For a dataset read from files, checks that they exist and that their headers are valid,
    /// and returns what they say: IDX and CIFAR-10 read only their headers (their values are
    /// checked when loaded), a CSV file is read whole. Nil for generated datasets.
    public func inspect() throws(DataFileError) -> DataFileSummary? {
        switch self {
        case .idx(let s):
            return DataFileSummary(featureShape: try s.inspect(), classes: s.classes, targets: 1)
        case .cifar10(let s):
            try s.inspect()
            return DataFileSummary(featureShape: CIFAR10Settings.imageShape, classes: CIFAR10Settings.classCount, targets: 1)
        case .csv(let s):
            let examples = try s.load().examples
            return DataFileSummary(featureShape: examples.featureShape, classes: examples.classCount, targets: examples.targetCount)
        default:
            return nil
        }
    }
}
