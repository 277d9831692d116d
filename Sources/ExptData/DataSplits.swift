import ExptEngine

/// The three parts a run uses: training, validation (measured every epoch) and test
/// (measured once, on the final model), normalised by statistics of the training part.
public struct DataSplits: Sendable, Equatable {
    public var train: Dataset
    public var validation: Dataset
    /// Nil when the manifest asks for no test set and the dataset has none of its own.
    public var test: Dataset?

    public init(train: Dataset, validation: Dataset, test: Dataset?) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// Splits `loaded` and normalises the parts.
    ///
    /// When the dataset has its own test set, that set is the test part (`testFraction` is
    /// then 0; the manifest refuses both) and validation is carved from its examples. Otherwise
    /// the examples are shuffled with `seed` on the split stream and the first
    /// `validation` of them are held out for validation, the next `test` for testing, the rest
    /// trained on (sizes from ``Dataset/splitSizes(count:validationFraction:testFraction:)``).
    /// With `testFraction` 0 this is exactly ``Dataset/split(validationFraction:seed:)``.
    /// `valueRange` is the range the features are known to lie in (see ``FeatureScaler``).
    public init(_ loaded: LoadedData, validationFraction: Double, testFraction: Double, seed: UInt64,
                normalization: Normalization?, valueRange: ClosedRange<Double>? = nil) {
        let examples = loaded.examples
        var random = SeededGenerator(seed: seed, stream: DataStream.split)
        let order = random.permutation(examples.count)
        let sizes = Dataset.splitSizes(count: examples.count, validationFraction: validationFraction,
                                       testFraction: loaded.test == nil ? testFraction : 0)
        var train = examples.rows(order[(sizes.validation + sizes.test)...])
        var validation = examples.rows(order[..<sizes.validation])
        var test = loaded.test ?? (sizes.test > 0 ? examples.rows(order[sizes.validation..<(sizes.validation + sizes.test)]) : nil)
        if let normalization {
            let scaler = FeatureScaler(normalization, fittedOn: train, valueRange: valueRange)
            train = scaler.apply(to: train)
            validation = scaler.apply(to: validation)
            test = test.map(scaler.apply(to:))
        }
        self.init(train: train, validation: validation, test: test)
    }
}
