import Testing
import ExptData

@Suite struct CIFAR10FileTests {
    /// A record: the label byte, then pixel i of the red, green and blue planes (in that order) is `pixel(i)`.
    static func record(label: UInt8, _ pixel: (Int) -> UInt8) -> [UInt8] {
        [label] + (0..<3072).map(pixel)
    }

    static let first = record(label: 3) { UInt8($0 % 256) }
    static let second = record(label: 9) { UInt8(255 - $0 % 251) }

    @Test func readsRecordsAsRedGreenBluePlanes() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let settings = CIFAR10Settings(files: [try folder.write(Self.first, "data_batch_1.bin"), try folder.write(Self.second, "data_batch_2.bin")],
                                       testFiles: [try folder.write(Self.second + Self.first, "test_batch.bin")])
        let loaded = try DatasetConfig(settings).load(seed: 0)
        #expect(loaded.examples.count == 2 && loaded.examples.featureShape == [3, 32, 32])
        #expect(loaded.examples.targets == [3, 9] && loaded.examples.classCount == 10)
        // Red (0, 0), green (0, 0) at 1024 and blue (31, 31) at 3071 of the first image; the second's first pixel.
        let features = loaded.examples.features
        #expect((features[0], features[1024], features[3071], features[3072]) == (0, 0, 255, 255))
        #expect(features[3072 + 251] == 255 && features[3072 + 250] == 5)
        #expect(loaded.test?.targets == [9, 3])
        #expect(loaded.test?.features == Array(features[3072...] + features[..<3072]))
    }

    @Test(arguments: [
        (first + second + [1, 2, 3, 4, 5],
         "c.bin: at byte 6146: expected a record of 3073 bytes (a label byte and 3072 pixel bytes), found 5 bytes before the end of the file"),
        (first + [10] + second.dropFirst(),
         "c.bin: at byte 3073: expected a label from 0 to 9, found 10"),
        ([], "c.bin: at byte 0: expected records of 3073 bytes (a label byte and 3072 pixel bytes), found an empty file"),
    ])
    func corruptBatches(bytes: [UInt8], expected: String) throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let config = DatasetConfig(CIFAR10Settings(files: [try folder.write(bytes, "c.bin")]))
        #expect(fileProblem { _ = try config.load(seed: 0) } == expected)
    }

    @Test func inspectionChecksEveryFile() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let config = DatasetConfig(CIFAR10Settings(files: [try folder.write(Self.first, "a.bin")], testFiles: [folder.missing("test_batch.bin")]))
        #expect(fileProblem { _ = try config.inspect() } == "test_batch.bin: cannot read the file (no such file or directory)")
    }
}
