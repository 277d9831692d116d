import Testing
import ExptData

/// `modular_arithmetic` for p = 5, worked by hand: the vocabulary is 0…4 the numbers, 5 6 7 8
/// the operations + − × ÷, 9 the `=` sign.
@Suite struct ModularArithmeticTests {
    static func examples(_ operation: ModularArithmeticSettings.Operation) throws -> Dataset {
        try DatasetConfig(ModularArithmeticSettings(p: 5, operation: operation)).load(seed: 0).examples
    }

    /// The tokens and the class of example `index`.
    static func example(_ data: Dataset, _ index: Int) -> [Float] {
        Array(data.features[(4 * index)..<(4 * index + 4)]) + [data.targets[index]]
    }

    @Test func additionHasEveryPairInOrder() throws {
        let data = try Self.examples(.add)
        #expect(data.count == 25 && data.featureShape == [4] && data.classCount == 5 && data.targetCount == 1)
        #expect(Self.example(data, 0) == [0, 5, 0, 9, 0])
        #expect(Self.example(data, 7) == [1, 5, 2, 9, 3])      // 1 + 2 = 3
        #expect(Self.example(data, 19) == [3, 5, 4, 9, 2])     // 3 + 4 = 7 ≡ 2
        #expect(Self.example(data, 24) == [4, 5, 4, 9, 3])     // 8 ≡ 3
        #expect(data.targets.prefix(10) == [0, 1, 2, 3, 4, 1, 2, 3, 4, 0])
    }

    @Test func subtractionWrapsBelowZero() throws {
        let data = try Self.examples(.subtract)
        #expect(Self.example(data, 8) == [1, 6, 3, 9, 3])      // 1 − 3 = −2 ≡ 3
        #expect(Self.example(data, 20) == [4, 6, 0, 9, 4])
    }

    @Test func multiplication() throws {
        let data = try Self.examples(.multiply)
        #expect(Self.example(data, 19) == [3, 7, 4, 9, 2])     // 12 ≡ 2
        #expect(Self.example(data, 13) == [2, 7, 3, 9, 1])     // 6 ≡ 1
    }

    /// b ≠ 0: 20 pairs, index 4a + b − 1; the inverses mod 5 are 1→1, 2→3, 3→2, 4→4.
    @Test func divisionMultipliesByTheInverse() throws {
        let data = try Self.examples(.divide)
        #expect(data.count == 20)
        #expect(Self.example(data, 0) == [0, 8, 1, 9, 0])
        #expect(Self.example(data, 5) == [1, 8, 2, 9, 3])      // 1 · 3 = 3
        #expect(Self.example(data, 18) == [4, 8, 3, 9, 3])     // 4 · 2 = 8 ≡ 3
        #expect(Self.example(data, 11) == [2, 8, 4, 9, 3])     // 2 · 4 = 8 ≡ 3
        #expect(data.targets.prefix(8) == [0, 0, 0, 0, 1, 3, 2, 4])
    }

    @Test func theKindSaysItsShapeAndVocabulary() {
        let kind = ModularArithmeticSettings(p: 5, operation: .divide, trainFraction: 0.4)
        #expect(kind.samples == 20 && kind.vocabularySize == 10 && kind.classCount == 5)
        #expect(kind.validationFraction == 0.6)
        #expect(DatasetConfig(kind).settings.map { "\($0.name) \($0.value)" } == ["p 5", "operation divide", "train_fraction 0.4"])
    }

    /// train_fraction 0.4 of 25: round(0.6 · 25) = 15 validate, 10 train; every pair once.
    @Test func theTrainingFractionIsTheSplit() throws {
        let kind = ModularArithmeticSettings(p: 5, operation: .add, trainFraction: 0.4)
        let splits = DataSplits(kind.load(seed: 7), validationFraction: try #require(kind.validationFraction),
                                testFraction: 0, seed: 7, normalization: nil)
        #expect(splits.train.count == 10 && splits.validation.count == 15)
        #expect(Set(splits.train.rows + splits.validation.rows) == Set(0..<25))
        let again = DataSplits(kind.load(seed: 8), validationFraction: 0.6, testFraction: 0, seed: 8, normalization: nil)
        #expect(again.train.rows != splits.train.rows)
    }

    @Test(arguments: [(2, true), (3, true), (4, false), (9, false), (97, true), (91, false)])
    func primesOnly(p: Int, prime: Bool) {
        #expect((ModularArithmeticSettings(p: p, operation: .add).conflict() == nil) == prime)
    }
}
