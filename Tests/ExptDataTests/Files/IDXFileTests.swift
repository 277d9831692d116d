import Testing
import ExptData

@Suite struct IDXFileTests {
    /// Three 2 x 3 images with pixels 0, 15, …, 255, and their labels.
    static let pixels = (0..<18).map { UInt8($0 * 15) }
    static let images = IDXBytes.file([3, 2, 3], pixels)
    static let labels = IDXBytes.file([3], [2, 0, 9])

    static func settings(_ folder: FixtureFolder, images: [UInt8] = images, labels: [UInt8] = labels,
                         classes: Int = 10) throws -> IDXSettings {
        IDXSettings(images: try folder.write(images, "img.idx"), labels: try folder.write(labels, "lbl.idx"), classes: classes)
    }

    @Test(arguments: [false, true])
    func readsImagesAsChannelHeightWidthAndLabels(gzip: Bool) throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let images = gzip ? StoredGzip.compress(Self.images) : Self.images
        let labels = gzip ? StoredGzip.compress(Self.labels) : Self.labels
        let loaded = try DatasetConfig(Self.settings(folder, images: images, labels: labels)).load(seed: 0)
        #expect(loaded.examples == Dataset(count: 3, featureCount: 6, featureShape: [1, 2, 3], features: Self.pixels.map(Float.init),
                                           targetCount: 1, targets: [2, 0, 9], classCount: 10))
        #expect(loaded.test == nil)
        #expect(loaded.examples.features[5] == 75 && loaded.examples.features[17] == 255)
    }

    @Test func theTestPairIsTheDatasetsOwnTestSet() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        var settings = try Self.settings(folder, classes: 12)
        settings.testImages = try folder.write(StoredGzip.compress(IDXBytes.file([1, 2, 3], [1, 2, 3, 4, 5, 6])), "t-img.gz")
        settings.testLabels = try folder.write(IDXBytes.file([1], [11]), "t-lbl.idx")
        let config = DatasetConfig(settings)
        let loaded = try config.load(seed: 0)
        #expect(config.hasOwnTestSet)
        #expect(loaded.test == Dataset(count: 1, featureCount: 6, featureShape: [1, 2, 3], features: [1, 2, 3, 4, 5, 6],
                                       targetCount: 1, targets: [11], classCount: 12))
        #expect(try config.inspect() == DataFileSummary(featureShape: [1, 2, 3], classes: 12, targets: 1))
    }

    @Test func scaleDividesPixelsBy255() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let config = DatasetConfig(try Self.settings(folder))
        let splits = DataSplits(try config.load(seed: 0), validationFraction: 0.34, testFraction: 0, seed: 1,
                                normalization: .scale, valueRange: config.valueRange)
        let all = (splits.train.copied().features + splits.validation.copied().features).sorted()
        #expect(all == Self.pixels.map { Float(Double($0) / 255) })
    }

    static let gzipped = StoredGzip.compress(images)

    static let corruptCases: [(images: [UInt8], labels: [UInt8], expected: String)] = [
        (IDXBytes.file([18], pixels), labels,
         "img.idx: at byte 0: expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions), found 0x00000801"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A] as [UInt8], labels,
         "img.idx: at byte 0: expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions), found 0x89504e47"),
        ([0, 0] as [UInt8], labels,
         "img.idx: at byte 2: expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions), the file ends after 2 bytes"),
        ([0, 0, 8, 3, 0, 0, 0, 3, 0, 0] as [UInt8], labels,
         "img.idx: at byte 10: expected a header of 16 bytes (the magic number and 3 dimensions), the file ends after 10 bytes"),
        (Array(images.dropLast()), labels,
         "img.idx: at byte 33: expected 18 bytes of values (3 x 2 x 3) after the 16-byte header, the file ends after 17"),
        (images + [7], labels,
         "img.idx: at byte 34: expected the file to end after 18 bytes of values (3 x 2 x 3), found more bytes"),
        (IDXBytes.file([3, 0, 3], []), labels,
         "img.idx: at byte 8: expected a positive size of dimension 2, found 0"),
        (images, IDXBytes.file([2], [2, 0]),
         "lbl.idx: at byte 4: expected 3 labels, one per image of img.idx, found 2"),
        (images, IDXBytes.file([3], [2, 10, 9]),
         "lbl.idx: at byte 9: expected a label from 0 to 9 (classes: 10), found 10"),
        // A gzip stream cut before its 8-byte trailer, and one whose CRC-32 is wrong.
        (Array(gzipped.dropLast(8)), labels,
         "img.idx: at compressed byte 49: expected more gzip data, the file ends (it is truncated)"),
        (Array(gzipped.dropLast(8)) + [0, 0, 0, 0] + gzipped.suffix(4), labels,
         "img.idx: at compressed byte 53: expected gzip data, found corrupt bytes (zlib: incorrect data check)"),
    ]

    @Test(arguments: corruptCases)
    func corruptFilesAreErrorsWithTheirByteOffset(images: [UInt8], labels: [UInt8], expected: String) throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let config = DatasetConfig(try Self.settings(folder, images: images, labels: labels))
        #expect(fileProblem { _ = try config.load(seed: 0) } == expected)
    }

    @Test func aMissingFileIsNamedAsWritten() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let settings = IDXSettings(images: folder.missing("data/train-images.gz"), labels: try folder.write(Self.labels, "lbl.idx"))
        let expected = "data/train-images.gz: cannot read the file (no such file or directory)"
        #expect(fileProblem { _ = try DatasetConfig(settings).load(seed: 0) } == expected)
        #expect(fileProblem { _ = try DatasetConfig(settings).inspect() } == expected)
    }

    @Test func inspectionReadsHeadersOnly() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        // The values are cut short, which only a full read finds.
        let settings = try Self.settings(folder, images: StoredGzip.compress(Array(Self.images.prefix(20))))
        #expect(try DatasetConfig(settings).inspect() == DataFileSummary(featureShape: [1, 2, 3], classes: 10, targets: 1))
        #expect(fileProblem { _ = try DatasetConfig(settings).load(seed: 0) }
                == "img.idx: at byte 20: expected 18 bytes of values (3 x 2 x 3) after the 16-byte header, the file ends after 4")
    }

    @Test func aLargeGzipFileIsInspectedFromItsFirstBytes() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        // 1000 images of 40 x 40: 1.6 MB stored, more than the first MiB that inspection reads.
        let values = (0..<1_600_000).map { UInt8($0 % 251) }
        let settings = try Self.settings(folder, images: StoredGzip.compress(IDXBytes.file([1000, 40, 40], values)),
                                         labels: IDXBytes.file([1000], (0..<1000).map { UInt8($0 % 10) }))
        #expect(try DatasetConfig(settings).inspect() == DataFileSummary(featureShape: [1, 40, 40], classes: 10, targets: 1))
        let examples = try DatasetConfig(settings).load(seed: 0).examples
        #expect(examples.count == 1000 && examples.features[1_599_999] == Float(1_599_999 % 251))
    }

    @Test func storedGzipHasTheStandardChecksum() {
        #expect(StoredGzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
