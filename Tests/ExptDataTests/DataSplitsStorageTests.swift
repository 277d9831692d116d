import Testing
import ExptData

/// The parts of a split are views of one storage: the examples are held once, however they
/// are split and normalised.
@Suite struct DataSplitsStorageTests {
    static let blobs = DatasetConfig(BlobsSettings(samples: 100, classes: 2, features: 3, noise: 1, spread: 5))

    static func featureAddress(_ view: DatasetView) -> UnsafeRawPointer? {
        view.storage.features.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    static func targetAddress(_ view: DatasetView) -> UnsafeRawPointer? {
        view.storage.targets.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test(arguments: [nil, Normalization.standardize, .scale])
    func thePartsShareOneStorage(normalization: Normalization?) throws {
        let splits = DataSplits(try Self.blobs.load(seed: 2), validationFraction: 0.2, testFraction: 0.1, seed: 2,
                                normalization: normalization)
        let test = try #require(splits.test)
        let parts = [splits.train, splits.validation, test]
        #expect(parts.map(\.count) == [70, 20, 10])
        // One buffer of features and one of targets behind all three parts.
        #expect(Set(parts.map(Self.featureAddress)).count == 1)
        #expect(Set(parts.map(Self.targetAddress)).count == 1)
        // Stored once: 100 examples x 3 features, 100 labels; every example in exactly one part.
        #expect(splits.train.storage.features.count == 100 * 3)
        #expect(splits.train.storage.targets.count == 100)
        #expect((splits.train.rows + splits.validation.rows + test.rows).sorted() == Array(0..<100))
    }

    @Test func anOwnTestSetIsItsOwnStorageNormalisedWithTheTrainingStatistics() {
        let examples = Dataset(count: 4, featureCount: 1, features: [1, 2, 3, 4], targetCount: 1, targets: [0, 1, 0, 1], classCount: 2)
        let own = Dataset(count: 2, featureCount: 1, features: [9, 0], targetCount: 1, targets: [1, 0], classCount: 2)
        let splits = DataSplits(LoadedData(examples: examples, test: own), validationFraction: 0.25, testFraction: 0,
                                seed: 0, normalization: .scale)
        let test = try! #require(splits.test)
        #expect(Self.featureAddress(splits.train) == Self.featureAddress(splits.validation))
        #expect(Self.featureAddress(test) != Self.featureAddress(splits.train))
        #expect(test.rows == [0, 1] && test.storage.features.count == 2)
        // Training takes three of 1, 2, 3, 4: its minimum and maximum give the map for every part.
        let trainValues = splits.train.rows.map { Double(examples.features[$0]) }
        let low = trainValues.min()!, high = trainValues.max()!
        let expected = [9.0, 0.0].map { Float(($0 - low) / (high - low)) }
        #expect(test.copied().features == expected)
        #expect(splits.validation.copied().features == splits.validation.rows.map { Float((Double(examples.features[$0]) - low) / (high - low)) })
    }

    /// By hand: rows 1, 2 and 4 of [10, 0, 2, 99, 4] are 0, 2 and 4: mean 2, population
    /// deviation sqrt(8/3); minimum 0, maximum 4. Rows 0 and 3 take no part in the fit.
    @Test func aScalerFitsOnTheChosenRowsOnly() {
        let examples = Dataset(count: 5, featureCount: 1, features: [10, 0, 2, 99, 4], targetCount: 1, targets: [0, 1, 0, 1, 0],
                               classCount: 2)
        let standard = FeatureScaler(.standardize, fittedOn: examples, rows: [1, 2, 4])
        #expect(standard.shifts == [2] && standard.divisors == [(8.0 / 3).squareRoot()])
        let scale = FeatureScaler(.scale, fittedOn: examples, rows: [4, 1, 2])
        #expect(scale.shifts == [0] && scale.divisors == [4])
        var mapped = examples
        scale.apply(inPlace: &mapped)
        #expect(mapped.features == [2.5, 0, 0.5, 24.75, 1])
        #expect(mapped.targets == examples.targets)
    }

    /// Sums run over the rows in their order: the statistics are those of each feature's column
    /// read out in that order and reduced (the scaler's earlier formulation, written out here),
    /// bit for bit; the values make the order of the additions show in the last bits.
    @Test(arguments: [[3, 0, 2, 1], [1, 2, 0], [2, 1, 3, 0]])
    func statisticsAreThoseOfTheColumnsInRowOrder(rows: [Int]) {
        let values: [Float] = [1e8, 1, -1e8, 3.25, 0.1, 7e-3, 2.5e7, -3]
        let examples = Dataset(count: 4, featureCount: 2, features: values, targetCount: 1, targets: [0, 0, 0, 0], classCount: 1)
        let columns = (0..<2).map { feature in rows.map { Double(values[$0 * 2 + feature]) } }
        let count = Double(rows.count)
        let means = columns.map { $0.reduce(0, +) / count }
        let deviations = zip(columns, means).map { column, mean in
            (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
        }
        let standard = FeatureScaler(.standardize, fittedOn: examples, rows: rows)
        #expect(standard.shifts == means && standard.divisors == deviations)
        let scale = FeatureScaler(.scale, fittedOn: examples, rows: rows)
        #expect(scale.shifts == columns.map { $0.min()! } && scale.divisors == columns.map { $0.max()! - $0.min()! })
    }
}
