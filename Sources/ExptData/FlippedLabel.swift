/// A training label that `data.label_noise` replaced, a row of a run's `flipped_labels.csv`.
public struct FlippedLabel: Sendable, Equatable, Codable {
    /// The example's 0-based index in the dataset as loaded (before the split), so the same
    /// example keeps its index whatever the split.
    public var example: Int
    /// The dataset's label.
    public var label: Int
    /// The label trained on instead: another class.
    public var noisyLabel: Int

    public init(example: Int, label: Int, noisyLabel: Int) {
        self.example = example
        self.label = label
        self.noisyLabel = noisyLabel
    }
}
