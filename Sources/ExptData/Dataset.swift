/// A table of examples in memory: features row-major, one row per example, and targets.
///
/// For classification `targets` holds one value per example, the class index (an exact
/// small integer stored as Float, so that one buffer type serves both tasks); for
/// regression it holds `targetCount` values per example.
public struct Dataset: Sendable, Equatable {
    /// Number of examples.
    public var count: Int
    /// Values per example in `features`.
    public var featureCount: Int
    /// The shape of one example, whose product is `featureCount`: `[features]` for a vector,
    /// `[channels, height, width]` for an image, `[steps, features]` for a sequence.
    public var featureShape: [Int]
    /// `count * featureCount` values, example after example.
    public var features: [Float]
    /// Values per example in `targets`: 1 for classification.
    public var targetCount: Int
    /// `count * targetCount` values.
    public var targets: [Float]
    /// The number of classes, or nil for regression.
    public var classCount: Int?

    public init(
        count: Int, featureCount: Int, featureShape: [Int]? = nil, features: [Float],
        targetCount: Int, targets: [Float], classCount: Int?
    ) {
        precondition(features.count == count * featureCount, "features do not match count x featureCount")
        precondition(featureShape.map { $0.reduce(1, *) == featureCount } ?? true, "featureShape does not match featureCount")
        precondition(targets.count == count * targetCount, "targets do not match count x targetCount")
        self.count = count
        self.featureCount = featureCount
        self.featureShape = featureShape ?? [featureCount]
        self.features = features
        self.targetCount = targetCount
        self.targets = targets
        self.classCount = classCount
    }
}
