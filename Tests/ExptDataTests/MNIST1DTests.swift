import Testing
@testable import ExptData

/// MNIST-1D against the real `mnist1d` package (`Fixtures/mnist1d_reference.py`).
@Suite struct MNIST1DTests {
    static let cases = MNIST1DReference.shipped.cases

    static func settings(_ args: MNIST1DReference.Arguments) -> MNIST1DSettings {
        MNIST1DSettings(
            samples: args.num_samples, trainSplit: args.train_split, templateLength: args.template_len,
            padding: args.padding[0]...args.padding[1], scaleCoefficient: args.scale_coeff,
            maxTranslation: args.max_translation, correlatedNoiseScale: args.corr_noise_scale,
            iidNoiseScale: args.iid_noise_scale, shearScale: args.shear_scale,
            shuffleSequence: args.shuffle_seq, finalLength: args.final_seq_length)
    }

    @Test func defaultSettingsAreThePackageDefaults() {
        let defaults = Self.cases[0].args
        #expect(Self.settings(defaults) == MNIST1DSettings())
        #expect(defaults.seed == MNIST1DSettings.defaultSeed)
    }

    @Test(arguments: cases)
    func doublesEqualTheReference(reference: MNIST1DReference.Case) {
        let splits = MNIST1DGenerator(settings: Self.settings(reference.args)).generate(seed: UInt32(reference.args.seed))
        for (rows, labels, expected) in [(splits.train, splits.trainLabels, reference.train),
                                         (splits.test, splits.testLabels, reference.test)] {
            #expect(rows.count == expected.count)
            #expect(Array(labels.prefix(expected.head_y.count)) == expected.head_y)
            var worst = 0.0
            for (row, expectedRow) in zip(rows, expected.head_x) {
                #expect(row.count == expectedRow.count)
                for (value, expectedValue) in zip(row, expectedRow) { worst = max(worst, abs(value - expectedValue)) }
            }
            // Measured: at most 8.9e-16 (an ulp or two, from the order of numpy's sums over the
            // whole array); the brief asks for 1e-6.
            #expect(worst <= 1e-12, "largest difference in the first rows: \(worst)")
            let values = rows.flatMap { $0 }
            #expect(abs(values.reduce(0, +) - expected.sum) <= 1e-9)
            #expect(abs(values.map { $0 * $0 }.reduce(0, +) - expected.sum_of_squares) <= 1e-6)
            #expect((0..<10).map { k in labels.filter { $0 == k }.count } == expected.class_counts)
        }
    }

    @Test(arguments: cases)
    func datasetHoldsTheReferenceAsFloats(reference: MNIST1DReference.Case) throws {
        let loaded = try DatasetConfig(Self.settings(reference.args)).load(seed: reference.args.seed)
        let test = try! #require(loaded.test)
        let length = reference.args.final_seq_length
        for (dataset, expected) in [(loaded.examples, reference.train), (test, reference.test)] {
            #expect(dataset.count == expected.count)
            #expect(dataset.featureCount == length)
            #expect(dataset.featureShape == [length, 1])
            #expect(dataset.classCount == 10)
            #expect(dataset.targetCount == 1)
            #expect(Array(dataset.targets.prefix(expected.head_y.count)) == expected.head_y.map(Float.init))
            for (index, value) in expected.head_x.joined().enumerated() {
                #expect(abs(Double(dataset.features[index]) - value) <= 1e-6)
            }
        }
        #expect(DatasetConfig(Self.settings(reference.args)).sampleCount == reference.train.count)
    }

    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let settings = MNIST1DSettings(samples: 100)
        let a = try DatasetConfig(settings).load(seed: 5)
        #expect(try a == DatasetConfig(settings).load(seed: 5))
        #expect(try a.examples.features != DatasetConfig(settings).load(seed: 6).examples.features)
    }

    @Test func shuffledSequencesPermuteThePointsOfEveryExampleAlike() {
        let plain = MNIST1DGenerator(settings: MNIST1DSettings(samples: 50)).generate(seed: 1)
        let shuffled = MNIST1DGenerator(settings: MNIST1DSettings(samples: 50, shuffleSequence: true)).generate(seed: 1)
        // The permutation is drawn after the examples, so the examples and their order are the same.
        #expect(shuffled.trainLabels == plain.trainLabels)
        #expect(shuffled.train[0] != plain.train[0])
        // The same values, up to the last bits of the standardisation (sums in another order).
        for (a, b) in zip(shuffled.train[0].sorted(), plain.train[0].sorted()) { #expect(abs(a - b) <= 1e-12) }
    }
}
