extension Dataset {
    /// As ``gather(rows:features:targets:)`` for classification data trained with squared
    /// error: `labels` gets the rows' class indices (`indices.count` values) and `targets`
    /// their one-hot vectors (`indices.count * classCount` values, a 1 at the class index and 0
    /// elsewhere), built in place so that no one-hot copy of the dataset is ever stored.
    /// Allocates nothing.
    ///
    /// - Precondition: the data has one target per example and `classCount` classes, every
    ///   index is in `0..<count` and every label an integer in `0..<classCount`.
    public func gatherOneHot(
        rows indices: ArraySlice<Int>, features: UnsafeMutablePointer<Float>, targets: UnsafeMutablePointer<Float>,
        labels: UnsafeMutablePointer<Float>
    ) {
        guard let classCount, targetCount == 1 else { preconditionFailure("one-hot targets need one class index per example") }
        gather(rows: indices, features: features, targets: labels)
        targets.update(repeating: 0, count: indices.count * classCount)
        for row in 0..<indices.count {
            let label = labels[row]
            let index = Int(exactly: label) ?? -1
            precondition(index >= 0 && index < classCount, "label \(label) is not a class index in 0..<\(classCount)")
            targets[row * classCount + index] = 1
        }
    }
}
