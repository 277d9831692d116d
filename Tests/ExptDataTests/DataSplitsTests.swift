import Testing
import ExptData

@Suite struct DataSplitsTests {
    static let blobs = DatasetConfig(BlobsSettings(samples: 100, classes: 2, features: 3, noise: 1, spread: 5))

    @Test(arguments: [
        (100, 0.2, 0.1, 70, 20, 10),
        (100, 0.2, 0.0, 80, 20, 0),
        (10, 0.2, 0.01, 7, 2, 1),      // a positive fraction gets at least one example
        (3, 0.2, 0.5, 1, 1, 1),        // training keeps one
        (2, 0.5, 0.5, 1, 1, 0),        // nothing left for a test set
    ])
    func sizes(count: Int, validation: Double, test: Double, train: Int, expectedValidation: Int, expectedTest: Int) {
        let sizes = Dataset.splitSizes(count: count, validationFraction: validation, testFraction: test)
        #expect(sizes.train == train && sizes.validation == expectedValidation && sizes.test == expectedTest)
    }

    @Test func withoutATestSetTheSplitIsTheTwoWayOne() throws {
        let loaded = try Self.blobs.load(seed: 3)
        let splits = DataSplits(loaded, validationFraction: 0.2, testFraction: 0, seed: 3, normalization: nil)
        let (train, validation) = loaded.examples.split(validationFraction: 0.2, seed: 3)
        #expect(splits.train.copied() == train && splits.validation.copied() == validation && splits.test == nil)
    }

    @Test func theThreePartsHoldEveryExampleOnce() throws {
        let loaded = try Self.blobs.load(seed: 3)
        let splits = DataSplits(loaded, validationFraction: 0.2, testFraction: 0.1, seed: 3, normalization: nil)
        let test = try! #require(splits.test)
        #expect((splits.train.count, splits.validation.count, test.count) == (70, 20, 10))
        let all = (splits.train.copied().features + splits.validation.copied().features + test.copied().features).sorted()
        #expect(all == loaded.examples.features.sorted())
    }

    @Test func ownTestSetIsKept() {
        let examples = Dataset(count: 4, featureCount: 1, features: [1, 2, 3, 4], targetCount: 1, targets: [0, 1, 0, 1], classCount: 2)
        let own = Dataset(count: 1, featureCount: 1, features: [9], targetCount: 1, targets: [1], classCount: 2)
        let splits = DataSplits(LoadedData(examples: examples, test: own), validationFraction: 0.25, testFraction: 0.5,
                                seed: 0, normalization: nil)
        #expect(splits.test == DatasetView(all: own))
        #expect(splits.train.count == 3 && splits.validation.count == 1)
    }

    /// Statistics come from the training rows only: by hand, train features [0, 2, 4] (one
    /// feature) have mean 2 and population deviation sqrt(8/3); min 0, max 4.
    @Test func normalisationUsesTrainingStatisticsOnly() {
        let train = Dataset(count: 3, featureCount: 1, features: [0, 2, 4], targetCount: 1, targets: [0, 1, 0], classCount: 2)
        let held = Dataset(count: 2, featureCount: 1, features: [10, -2], targetCount: 1, targets: [1, 0], classCount: 2)
        let standard = FeatureScaler(.standardize, fittedOn: train)
        #expect(standard.shifts == [2] && standard.divisors == [(8.0 / 3).squareRoot()])
        #expect(standard.apply(to: held).features == [Float(8 / (8.0 / 3).squareRoot()), Float(-4 / (8.0 / 3).squareRoot())])
        let scaled = FeatureScaler(.scale, fittedOn: train).apply(to: held)
        #expect(scaled.features == [2.5, -0.5])
        #expect(scaled.targets == held.targets)
    }

    @Test func constantFeaturesAreOnlyShifted() {
        let train = Dataset(count: 2, featureCount: 2, features: [5, 1, 5, 3], targetCount: 1, targets: [0, 1], classCount: 2)
        #expect(FeatureScaler(.standardize, fittedOn: train).apply(to: train).features == [0, -1, 0, 1])
        #expect(FeatureScaler(.scale, fittedOn: train).apply(to: train).features == [0, 0, 0, 1])
    }

    @Test func splitsAreNormalisedWithTheTrainingPart() throws {
        let loaded = try Self.blobs.load(seed: 1)
        let plain = DataSplits(loaded, validationFraction: 0.2, testFraction: 0.1, seed: 1, normalization: nil)
        let normal = DataSplits(loaded, validationFraction: 0.2, testFraction: 0.1, seed: 1, normalization: .standardize)
        // Fitted on the training rows copied out, as before the parts became views: the same
        // statistics and the same values, bit for bit.
        let scaler = FeatureScaler(.standardize, fittedOn: plain.train.copied())
        #expect(normal.train.copied() == scaler.apply(to: plain.train.copied()))
        #expect(normal.validation.copied() == scaler.apply(to: plain.validation.copied()))
        #expect(normal.test?.copied() == scaler.apply(to: plain.test!.copied()))
        let train = normal.train.copied()
        for feature in 0..<3 {
            let column = (0..<train.count).map { Double(train.features[$0 * 3 + feature]) }
            #expect(abs(column.reduce(0, +) / Double(column.count)) < 1e-6)
        }
    }
}
