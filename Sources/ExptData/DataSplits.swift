import ExptEngine

/// The three parts a run uses: training, validation (measured every epoch) and test
/// (measured once, on the final model), normalised by statistics of the training part.
///
/// The parts are views of the loaded examples, which are stored once: training and
/// validation (and a test part carved from the same examples) read one ``Dataset``; a
/// dataset's own test set (MNIST-1D's, the IDX and CIFAR-10 test files) is a second one.
public struct DataSplits: Sendable, Equatable {
    public var train: DatasetView
    public var validation: DatasetView
    /// Nil when the manifest asks for no test set and the dataset has none of its own.
    public var test: DatasetView?
    /// The training labels that label noise replaced (``withNoise(labelFraction:inputDeviation:seed:)``); empty without.
    public var flippedLabels: [FlippedLabel]

    public init(train: DatasetView, validation: DatasetView, test: DatasetView?, flippedLabels: [FlippedLabel] = []) {
        self.train = train
        self.validation = validation
        self.test = test
        self.flippedLabels = flippedLabels
    }

    /// Splits `loaded` and normalises it, keeping its examples where they are.
    ///
    /// When the dataset has its own test set, that set is the test part (`testFraction` is
    /// then 0; the manifest refuses both) and validation is carved from its examples. Otherwise
    /// the examples are shuffled with `seed` on the split stream and the first
    /// `validation` of them are held out for validation, the next `test` for testing, the rest
    /// trained on (sizes from ``Dataset/splitSizes(count:validationFraction:testFraction:)``).
    /// With `testFraction` 0 this is exactly ``Dataset/split(validationFraction:seed:)``.
    /// `inOrder` (a dataset that ``DatasetKind/splitsInOrder``, the windows of a text) keeps
    /// the examples in order instead: the first `train` of them are trained on, the next
    /// `validation` validate, the last `test` test.
    ///
    /// Normalisation is fitted on the training rows and then applied in place to every
    /// example, the held-out ones and an own test set included: each part gets the training
    /// statistics, as if mapped separately, value for value. `loaded` is consumed, so that
    /// its arrays are rescaled without a copy when the caller passes them over.
    /// `valueRange` is the range the features are known to lie in (see ``FeatureScaler``).
    public init(_ loaded: consuming LoadedData, validationFraction: Double, testFraction: Double, seed: UInt64,
                normalization: Normalization?, valueRange: ClosedRange<Double>? = nil, inOrder: Bool = false) {
        let count = loaded.examples.count
        let sizes = Dataset.splitSizes(count: count, validationFraction: validationFraction,
                                       testFraction: loaded.test == nil ? testFraction : 0)
        var random = SeededGenerator(seed: seed, stream: DataStream.split)
        // The held-out rows come first in `order`: in order, those after the training rows.
        let order = inOrder ? Array(sizes.train..<count) + Array(0..<sizes.train) : random.permutation(count)
        let trainRows = Array(order[(sizes.validation + sizes.test)...])
        if let normalization {
            let scaler = FeatureScaler(normalization, fittedOn: loaded.examples, rows: trainRows, valueRange: valueRange)
            scaler.apply(inPlace: &loaded.examples)
            if loaded.test != nil { scaler.apply(inPlace: &loaded.test!) }
        }
        let examples = loaded.examples
        let test = loaded.test.map(DatasetView.init(all:))
            ?? (sizes.test > 0 ? DatasetView(examples, rows: Array(order[sizes.validation..<(sizes.validation + sizes.test)])) : nil)
        self.init(train: DatasetView(examples, rows: trainRows),
                  validation: DatasetView(examples, rows: Array(order[..<sizes.validation])), test: test)
    }
}
