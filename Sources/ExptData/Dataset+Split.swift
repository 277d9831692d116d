import ExptEngine

extension Dataset {
    /// The sizes of a split of `count` examples holding out `validationFraction` of them:
    /// the validation set gets `round(validationFraction * count)` (halves away from zero),
    /// at least 1 and at most `count - 1`, so that both sets have an example. With fewer
    /// than 2 examples, or a fraction of exactly 0 (`data.validation: 0`), every example goes
    /// to training and validation is empty; a fraction that is not a number counts as 0.
    public static func splitSizes(count: Int, validationFraction: Double) -> (train: Int, validation: Int) {
        guard count >= 2, validationFraction != 0 else { return (max(count, 0), 0) }
        let wanted = validationFraction.isNaN ? 0 : (validationFraction * Double(count)).rounded()
        let validation = Int(min(max(wanted, 1), Double(count - 1)))
        return (count - validation, validation)
    }

    /// The sizes of a three-way split: validation as in
    /// ``splitSizes(count:validationFraction:)``, then the test set gets
    /// `round(testFraction * count)` (at least 1 when the fraction is positive), never leaving
    /// training without an example; training keeps the rest.
    public static func splitSizes(count: Int, validationFraction: Double, testFraction: Double) -> (train: Int, validation: Int, test: Int) {
        let first = splitSizes(count: count, validationFraction: validationFraction)
        guard testFraction > 0, first.train >= 2 else { return (first.train, first.validation, 0) }
        let wanted = (testFraction * Double(count)).rounded()
        let test = Int(min(max(wanted, 1), Double(first.train - 1)))
        return (first.train - test, first.validation, test)
    }

    /// Shuffles the example indices with a generator seeded by `seed` (on the split stream,
    /// independent of the streams that generate the data) and holds out the first
    /// `splitSizes(count:validationFraction:).validation` of them for validation; the rest,
    /// in shuffled order, are for training. Every example lands in exactly one of the two.
    public func split(validationFraction: Double, seed: UInt64) -> (train: Dataset, validation: Dataset) {
        var random = SeededGenerator(seed: seed, stream: DataStream.split)
        let order = random.permutation(count)
        let sizes = Dataset.splitSizes(count: count, validationFraction: validationFraction)
        return (rows(order[sizes.validation...]), rows(order[..<sizes.validation]))
    }

    /// A dataset of the rows at `indices`, in that order.
    func rows(_ indices: ArraySlice<Int>) -> Dataset {
        var rowFeatures: [Float] = []
        var rowTargets: [Float] = []
        rowFeatures.reserveCapacity(indices.count * featureCount)
        rowTargets.reserveCapacity(indices.count * targetCount)
        for index in indices {
            rowFeatures += features[index * featureCount ..< (index + 1) * featureCount]
            rowTargets += targets[index * targetCount ..< (index + 1) * targetCount]
        }
        return Dataset(count: indices.count, featureCount: featureCount, featureShape: featureShape, features: rowFeatures,
                       targetCount: targetCount, targets: rowTargets, classCount: classCount)
    }
}
