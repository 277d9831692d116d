import Testing
import ExptData
import ExptTestSupport

/// `text` on "hello world": the vocabulary " dehlorw" numbers ' ' 0, d 1, e 2, h 3, l 4, o 5,
/// r 6, w 7, so the text is the ids 3 2 4 4 5 0 7 5 6 4 1; with context 3 it makes
/// ⌊10 / 3⌋ = 3 windows starting at characters 0, 3 and 6 (the final d is left out).
@Suite struct TextDatasetTests {
    static func kind(_ folder: TemporaryFolder, _ name: String, context: Int = 3) -> TextSettings {
        TextSettings(file: DataFile(path: name, resolved: folder.file(name)), context: context)
    }

    @Test func windowsPredictTheNextCharacter() throws {
        let folder = try TemporaryFolder("text")
        defer { folder.remove() }
        _ = try folder.write("hello world", to: "hello.txt")
        let kind = Self.kind(folder, "hello.txt")
        let data = try kind.load(seed: 0).examples
        #expect(data.count == 3 && data.featureShape == [3] && data.targetCount == 3 && data.classCount == 8)
        #expect(data.features == [3, 2, 4, 4, 5, 0, 7, 5, 6])
        #expect(data.targets == [2, 4, 4, 5, 0, 7, 5, 6, 4])
        #expect(try kind.inspect() == DataFileSummary(featureShape: [3], classes: 8, targets: 3, vocabulary: " dehlorw"))
    }

    /// validation 0.4 of 3 windows: round(1.2) = 1, the last; the first two train, in order.
    @Test func theSplitIsByPosition() throws {
        let folder = try TemporaryFolder("text")
        defer { folder.remove() }
        _ = try folder.write("hello world", to: "hello.txt")
        let kind = Self.kind(folder, "hello.txt")
        let splits = DataSplits(try kind.load(seed: 5), validationFraction: 0.4, testFraction: 0, seed: 5,
                                normalization: nil, inOrder: kind.splitsInOrder)
        #expect(splits.train.rows == [0, 1] && splits.validation.rows == [2] && splits.test == nil)
        let three = DataSplits(try kind.load(seed: 5), validationFraction: 0.3, testFraction: 0.3, seed: 5,
                               normalization: nil, inOrder: true)
        #expect(three.train.rows == [0] && three.validation.rows == [1] && three.test?.rows == [2])
    }

    /// Characters are Unicode scalars, ordered by code point: "é" (U+00E9) after "z".
    @Test func charactersAreUnicodeScalars() throws {
        let folder = try TemporaryFolder("text")
        defer { folder.remove() }
        _ = try folder.write("zéz", to: "accent.txt")
        let data = try Self.kind(folder, "accent.txt", context: 1).load(seed: 0).examples
        #expect(data.features == [0, 1] && data.targets == [1, 0] && data.classCount == 2)
    }

    @Test(arguments: [
        ([0x61, 0x62, 0xFF, 0x63], "bad.txt: at byte 2: expected UTF-8 text, found the byte 0xFF"),
        ([0x61, 0xC3], "bad.txt: at byte 1: expected UTF-8 text, found the byte 0xC3"),
        ([0x61, 0x62, 0x63], "bad.txt: expected at least 4 characters (context + 1), found 3"),
    ] as [([UInt8], String)])
    func unusableTexts(bytes: [UInt8], message: String) throws {
        let folder = try TemporaryFolder("text")
        defer { folder.remove() }
        _ = try folder.write(bytes, to: "bad.txt")
        let kind = Self.kind(folder, "bad.txt")
        #expect(Self.failure { () throws(DataFileError) in try kind.inspect() } == message)
        #expect(Self.failure { () throws(DataFileError) in try kind.load(seed: 0) } == message)
    }

    /// The description of the error `body` throws; nil when it throws none.
    static func failure(_ body: () throws(DataFileError) -> Any?) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try TemporaryFolder("text")
        defer { folder.remove() }
        let kind = Self.kind(folder, "missing.txt")
        #expect(Self.failure { () throws(DataFileError) in try kind.inspect() } == "missing.txt: cannot read the file (no such file or directory)")
    }
}
