extension Dataset {
    /// For classification data: the same examples with one-hot targets (targetCount =
    /// classCount, a 1 at the class index and 0 elsewhere), for training with MSE.
    /// Regression data (classCount nil) and data whose targets are already more than one
    /// value per example are returned unchanged.
    ///
    /// - Precondition: every label is an integer in `0..<classCount`.
    public func oneHotEncoded() -> Dataset {
        guard let classCount, targetCount == 1 else { return self }
        var encoded = [Float](repeating: 0, count: count * classCount)
        for (row, label) in targets.enumerated() {
            let index = Int(exactly: label) ?? -1
            precondition(index >= 0 && index < classCount, "label \(label) is not a class index in 0..<\(classCount)")
            encoded[row * classCount + index] = 1
        }
        return Dataset(count: count, featureCount: featureCount, featureShape: featureShape, features: features,
                       targetCount: classCount, targets: encoded, classCount: classCount)
    }
}
