import Testing
import ExptData
import ExptTestSupport
@testable import ExptManifest

/// The datasets of token sequences in a manifest: the split `modular_arithmetic` sets itself,
/// and the settings and files of `text`, reported where they are written.
@Suite struct SequenceDataDecodingTests {
    /// A manifest over `data` whose model ends in a dense layer of `units`, after an embedding
    /// of `embedding` tokens when given (a class at each position needs one).
    static func manifest(data: String, units: Int = 5, embedding: Int? = nil) -> String {
        """
        name: tokens
        data:
        \(data)
        model:
        \(embedding.map { "  - {embedding: \($0), dimension: 4}\n" } ?? "")  - dense: \(units)
        train: {epochs: 1}
        optimizer: sgd
        variants:
          a: {}
        """
    }

    @Test func theTrainingFractionSetsTheValidationFraction() throws {
        let experiment = try ManifestLoader.decode(
            text: Self.manifest(data: "  dataset: modular_arithmetic\n  p: 5\n  operation: divide\n  train_fraction: 0.25"), path: "x.yaml")
        let data = try #require(experiment.variants.first).config.data
        #expect(data.validation == 0.75)
        #expect(data.dataset.kind as? ModularArithmeticSettings == ModularArithmeticSettings(p: 5, operation: .divide, trainFraction: 0.25))
        // round(0.75 · 20) = 15 validate.
        #expect(data.trainingCount == 5)
    }

    @Test(arguments: [
        (manifest(data: "  dataset: modular_arithmetic\n  p: 6", units: 6), """
            x.yaml:4:6: error: data.p: expected a prime p, found 6
              p: 6
                 ^
            """),
        (manifest(data: "  dataset: modular_arithmetic\n  p: 5\n  train_fraction: 1"), """
            x.yaml:5:19: error: data.train_fraction: expected a number in (0, 1), found 1
              train_fraction: 1
                              ^
            """),
        (manifest(data: "  dataset: modular_arithmetic\n  p: 5\n  train_fraction: 0"), """
            x.yaml:5:19: error: data.train_fraction: expected a number in (0, 1), found 0
              train_fraction: 0
                              ^
            """),
        (manifest(data: "  dataset: modular_arithmetic\n  p: 5\n  validation: 0.5"), """
            x.yaml:5:15: error: data.validation: dataset modular_arithmetic sets its own validation fraction, 0.5; remove validation
              validation: 0.5
                          ^
            """),
        (manifest(data: "  dataset: modular_arithmetic\n  p: 5\n  operation: power"), """
            x.yaml:5:14: error: data.operation: unknown operation "power"; expected one of: add, divide, multiply, subtract
              operation: power
                         ^
            """),
    ])
    func errors(text: String, expected: String) {
        #expect(errorText(text) == expected)
    }

    @Test func textFilesAreCheckedWhereTheirPathIsWritten() throws {
        let folder = try DataFilesDecodingTests.Folder()
        defer { folder.remove() }
        try folder.write(Array("hello world".utf8), "hello.txt")
        try folder.write([0x61, 0x62, 0xFF, 0x63], "bad.txt")
        let experiment = try DataFilesDecodingTests.decode(
            Self.manifest(data: "  dataset: text\n  path: ../data/hello.txt\n  context: 3", units: 8, embedding: 8), in: folder)
        let kind = try #require(experiment.variants.first?.config.data.dataset.kind as? TextSettings)
        #expect(kind.context == 3 && kind.file?.path == "../data/hello.txt" && kind.file?.resolved == folder.root + "/data/hello.txt")
        #expect(DataFilesDecodingTests.errors(Self.manifest(data: "  dataset: text\n  path: ../data/bad.txt"), in: folder) == """
            experiments/x.yaml:4:9: error: data.path: ../data/bad.txt: at byte 2: expected UTF-8 text, found the byte 0xFF
              path: ../data/bad.txt
                    ^
            """)
        #expect(DataFilesDecodingTests.errors(Self.manifest(data: "  dataset: text\n  path: ../data/none.txt"), in: folder) == """
            experiments/x.yaml:4:9: error: data.path: ../data/none.txt: cannot read the file (no such file or directory)
              path: ../data/none.txt
                    ^
            """)
    }
}
