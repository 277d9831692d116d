/// What a file dataset's files say about its examples without loading them all.
public struct DataFileSummary: Sendable, Equatable {
    /// The shape of one example.
    public var featureShape: [Int]
    /// The number of classes, or nil for regression.
    public var classes: Int?
    /// Values per target: 1 for classification.
    public var targets: Int
    /// A text's vocabulary, its characters in id order; nil for a dataset of values.
    public var vocabulary: String?

    public init(featureShape: [Int], classes: Int?, targets: Int, vocabulary: String? = nil) {
        self.featureShape = featureShape
        self.classes = classes
        self.targets = targets
        self.vocabulary = vocabulary
    }
}
