extension MNIST1DSettings {
    /// The package's train split as `examples` and its test split as `test`: each example a
    /// sequence of `finalLength` steps of one value (feature shape `[finalLength, 1]`), its
    /// target the digit, 10 classes. Values are generated in double precision and stored as
    /// Float.
    ///
    /// `seed` is numpy's: it must be below 2^32 (the manifest checks this; larger seeds keep
    /// their low 32 bits).
    public func load(seed: UInt64) -> LoadedData {
        let splits = MNIST1DGenerator(settings: self).generate(seed: UInt32(truncatingIfNeeded: seed))
        return LoadedData(examples: dataset(splits.train, splits.trainLabels),
                          test: dataset(splits.test, splits.testLabels))
    }

    private func dataset(_ rows: [[Double]], _ labels: [Int]) -> Dataset {
        Dataset(count: rows.count, featureCount: finalLength, featureShape: [finalLength, 1],
                features: rows.flatMap { $0.map(Float.init) },
                targetCount: 1, targets: labels.map(Float.init), classCount: Self.classCount)
    }
}
