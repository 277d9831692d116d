import Foundation
import Testing
import ExptData

/// The stored forms (config.json, and so run ids) of the token-sequence datasets, written by
/// hand: a change to a property's name or type changes every id of their runs.
@Suite struct SequenceStoredFormTests {
    static let stored: [(DatasetConfig, String)] = [
        (DatasetConfig(ModularArithmeticSettings(p: 5, operation: .divide, trainFraction: 0.4)),
         #"{"modular_arithmetic":{"_0":{"operation":"divide","p":5,"trainFraction":0.4}}}"#),
        (DatasetConfig(SymbolSequenceSettings<CopyTask>(samples: 2, length: 5, vocabulary: 4)),
         #"{"copy":{"_0":{"length":5,"samples":2,"vocabulary":4}}}"#),
        (DatasetConfig(SymbolSequenceSettings<SortTask>()),
         #"{"sort":{"_0":{"length":8,"samples":1000,"vocabulary":10}}}"#),
        (DatasetConfig(ParitySettings(samples: 4, length: 3)),
         #"{"parity":{"_0":{"length":3,"samples":4}}}"#),
        (DatasetConfig(TextSettings(file: DataFile(path: "data/devils-dictionary.txt", resolved: "data/devils-dictionary.txt"), context: 3)),
         #"{"text":{"_0":{"context":3,"file":"data/devils-dictionary.txt"}}}"#),
    ]

    @Test func storedFormsRoundTrip() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (config, text) in Self.stored {
            #expect(String(decoding: try encoder.encode(config), as: UTF8.self) == text)
            #expect(try JSONDecoder().decode(DatasetConfig.self, from: Data(text.utf8)) == config)
        }
    }
}
