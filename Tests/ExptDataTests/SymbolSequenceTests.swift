import Testing
import ExptData

/// The sequence tasks' first examples (the data seed 0's draws, stored), and their targets,
/// which follow from the inputs by hand.
@Suite struct SymbolSequenceTests {
    static func first(_ kind: any DatasetKind) throws -> Dataset {
        try DatasetConfig(kind).load(seed: 0).examples
    }

    @Test func copyReverseAndSortShareTheirInputs() throws {
        let copy = try Self.first(SymbolSequenceSettings<CopyTask>(samples: 2, length: 5, vocabulary: 4))
        let reverse = try Self.first(SymbolSequenceSettings<ReverseTask>(samples: 2, length: 5, vocabulary: 4))
        let sort = try Self.first(SymbolSequenceSettings<SortTask>(samples: 2, length: 5, vocabulary: 4))
        #expect(copy.features == [2, 0, 1, 1, 0, 1, 3, 2, 0, 3])
        #expect(reverse.features == copy.features && sort.features == copy.features)
        #expect(copy.featureShape == [5] && copy.targetCount == 5 && copy.classCount == 4)
        #expect(copy.targets == copy.features)
        #expect(reverse.targets == [0, 1, 1, 0, 2, 3, 0, 2, 3, 1])
        #expect(sort.targets == [0, 0, 1, 1, 2, 0, 1, 2, 3, 3])
    }

    @Test func parityClassesTheCountOfOnes() throws {
        let parity = try Self.first(ParitySettings(samples: 4, length: 3))
        #expect(parity.features == [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0])
        #expect(parity.targets == [0, 1, 0, 1])   // 2, 1, 2, 1 ones
        #expect(parity.featureShape == [3] && parity.targetCount == 1 && parity.classCount == 2)
    }

    @Test func theKindsSayTheirVocabulary() {
        #expect(SymbolSequenceSettings<SortTask>(samples: 2, length: 5, vocabulary: 4).vocabularySize == 4)
        #expect(ParitySettings().vocabularySize == 2)
        #expect(SymbolSequenceSettings<ReverseTask>.name == "reverse" && ParitySettings.name == "parity")
    }
}
