extension DataSplits {
    /// These splits with noise on the training part only (``LabelNoise``, ``InputNoise``):
    /// the training examples are copied out of the shared storage (in the view's order) and
    /// changed there, so the validation and test examples keep their labels and features.
    /// Unchanged when both amounts are 0.
    public func withNoise(labelFraction: Double, inputDeviation: Double, seed: UInt64) -> DataSplits {
        guard labelFraction > 0 || inputDeviation > 0 else { return self }
        var copy = train.copied()
        var flipped: [FlippedLabel] = []
        if labelFraction > 0, let classes = copy.classCount {
            flipped = LabelNoise.flip(&copy.targets, classes: classes, fraction: labelFraction, seed: seed, examples: train.rows)
        }
        if inputDeviation > 0 { InputNoise.add(to: &copy.features, deviation: inputDeviation, seed: seed) }
        return DataSplits(train: DatasetView(all: copy), validation: validation, test: test, flippedLabels: flipped)
    }
}
