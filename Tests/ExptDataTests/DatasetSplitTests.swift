import Testing
import ExptData

@Suite struct DatasetSplitTests {
    /// A dataset whose single feature is the example's own index, so rows can be traced.
    static func indexed(_ count: Int) -> Dataset {
        Dataset(count: count, featureCount: 1, features: (0..<count).map(Float.init),
                targetCount: 1, targets: (0..<count).map { Float($0 % 3) }, classCount: 3)
    }

    @Test(arguments: [
        // (count, fraction, train, validation)
        (10, 0.2, 8, 2), (10, 0.25, 7, 3), (10, 0.24, 8, 2),  // round(2.5) = 3, round(2.4) = 2
        (10, 0.01, 9, 1), (10, 0.99, 1, 9),                    // at least one on each side
        (10, 0.0, 10, 0),                                      // 0: no validation set
        (10, 1.0, 1, 9), (2, 0.5, 1, 1),
        (1, 0.5, 1, 0), (0, 0.5, 0, 0),                        // too few to hold any out
    ])
    func sizes(count: Int, fraction: Double, train: Int, validation: Int) {
        let sizes = Dataset.splitSizes(count: count, validationFraction: fraction)
        #expect(sizes.train == train && sizes.validation == validation)
        let (trainSet, validationSet) = Self.indexed(count).split(validationFraction: fraction, seed: 1)
        #expect(trainSet.count == train && validationSet.count == validation)
    }

    @Test func everyExampleLandsInExactlyOneSet() {
        let data = Self.indexed(101)
        let (train, validation) = data.split(validationFraction: 0.3, seed: 11)
        #expect(validation.count == 30)
        let seen = (train.features + validation.features).map { Int($0) }
        #expect(seen.sorted() == Array(0..<101))
        #expect(Set(train.features).isDisjoint(with: validation.features))
        // Targets travel with their rows, and the class count is kept.
        for set in [train, validation] {
            #expect(zip(set.features, set.targets).allSatisfy { Float(Int($0) % 3) == $1 })
            #expect(set.classCount == 3 && set.featureCount == 1 && set.targetCount == 1)
        }
    }

    @Test func splitIsDeterministicAndShuffles() {
        let data = Self.indexed(50)
        let a = data.split(validationFraction: 0.2, seed: 4), b = data.split(validationFraction: 0.2, seed: 4)
        #expect(a.train == b.train && a.validation == b.validation)
        let c = data.split(validationFraction: 0.2, seed: 5)
        #expect(a.validation.features != c.validation.features)
        #expect(a.train.features != a.train.features.sorted(), "the training rows come shuffled")
    }

    @Test func splitOfGeneratedDataKeepsEveryClass() throws {
        let data = try DatasetConfig(SpiralsSettings(samples: 200, classes: 2)).load(seed: 0).examples
        let (train, validation) = data.split(validationFraction: 0.2, seed: 0)
        #expect(train.count == 160 && validation.count == 40)
        #expect(Set(train.targets) == [0, 1] && Set(validation.targets) == [0, 1])
    }
}
