import Foundation
import Testing
import ExptData

/// Data files that would crash expt or exhaust its memory: headers whose sizes overflow or
/// exceed the memory budget, and files that are not regular files. Each is refused before
/// anything of its size is allocated, by `inspect` (what `expt validate` runs) and by `load`.
@Suite struct DataFileBoundsTests {
    static func idx(_ folder: FixtureFolder, images: [UInt8], labels: [UInt8]) throws -> DatasetConfig {
        DatasetConfig(IDXSettings(images: try folder.write(images, "img.idx"), labels: try folder.write(labels, "lbl.idx")))
    }

    /// The problem `inspect` reports, and the one `load` reports.
    static func problems(_ config: DatasetConfig) -> (inspect: String?, load: String?) {
        (fileProblem { _ = try config.inspect() }, fileProblem { _ = try config.load(seed: 0) })
    }

    @Test func dimensionsWhoseProductOverflowsAreRefused() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let config = try Self.idx(folder, images: IDXBytes.file([0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], []),
                                  labels: IDXBytes.file([0xFFFF_FFFF], []))
        let expected = "img.idx: at byte 8: expected dimensions whose product is at most 9223372036854775807, found 4294967295 x 4294967295"
        #expect(Self.problems(config) == (expected, expected))
    }

    /// The 3.8 MB gzip file of the issue, in small: a valid header announcing 5,000,000 images
    /// of 28 x 28 pixels (3.9 GB of pixels), and nothing after it.
    @Test(arguments: [false, true])
    func aHeaderAnnouncingMoreThanTheBudgetIsRefused(gzip: Bool) throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let images = IDXBytes.file([5_000_000, 28, 28], [])
        let config = try Self.idx(folder, images: gzip ? StoredGzip.compress(images) : images, labels: IDXBytes.file([5_000_000], []))
        // 5,000,000 x (784 + 1) x 4 = 15,700,000,000 bytes.
        let expected = "img.idx: at byte 4: expected images that fit in memory, found 5000000 images of 28 x 28 pixels; "
            + "with their labels they need 15700000000 bytes (14.6 GiB) in memory, "
            + "more than the memory budget of a dataset, 2 GiB (2147483648 bytes)"
        #expect(Self.problems(config) == (expected, expected))
    }

    @Test func theTestSetCountsTowardsTheBudget() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        var settings = IDXSettings(images: try folder.write(IDXBytes.file([400_000, 28, 28], []), "img.idx"),
                                   labels: try folder.write(IDXBytes.file([400_000], []), "lbl.idx"))
        settings.testImages = try folder.write(IDXBytes.file([300_000, 28, 28], []), "t-img.idx")
        settings.testLabels = try folder.write(IDXBytes.file([300_000], []), "t-lbl.idx")
        // (400,000 + 300,000) x 785 x 4 = 2,198,000,000 bytes; the training set alone 1,256,000,000.
        let expected = "t-img.idx: at byte 4: expected images that fit in memory, found 300000 images of 28 x 28 pixels; "
            + "with their labels and the training set they need 2198000000 bytes (2.0 GiB) in memory, "
            + "more than the memory budget of a dataset, 2 GiB (2147483648 bytes)"
        #expect(Self.problems(DatasetConfig(settings)) == (expected, expected))
    }

    @Test func bytesOverflowingIntAreMoreThanTheBudget() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        // 2^31 x 2^31 x 1 values fit in Int; as 4-byte floats with labels they do not.
        let config = try Self.idx(folder, images: IDXBytes.file([1 << 31, 1 << 31, 1], []), labels: IDXBytes.file([1 << 31], []))
        let expected = "img.idx: at byte 4: expected images that fit in memory, found 2147483648 images of 2147483648 x 1 pixels; "
            + "with their labels they need more than 9223372036854775807 bytes in memory, "
            + "more than the memory budget of a dataset, 2 GiB (2147483648 bytes)"
        #expect(Self.problems(config) == (expected, expected))
    }

    @Test func aDeviceIsNotReadForCIFAR10OrCSV() {
        let zero = DataFile(path: "/dev/zero", resolved: "/dev/zero")
        let expected = "/dev/zero: cannot read the file (it is a character device, not a regular file)"
        #expect(Self.problems(DatasetConfig(CIFAR10Settings(files: [zero]))) == (expected, expected))
        #expect(Self.problems(DatasetConfig(CSVSettings(file: zero, target: .label(.index(0))))) == (expected, expected))
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let resolved = (folder.path as NSString).appendingPathComponent("pipe.csv")
        #expect(mkfifo(resolved, 0o600) == 0)
        let fifo = DataFile(path: "pipe.csv", resolved: resolved)
        let expected = "pipe.csv: cannot read the file (it is a FIFO, not a regular file)"
        #expect(Self.problems(DatasetConfig(CSVSettings(file: fifo, target: .label(.index(0))))) == (expected, expected))
        let idx = DatasetConfig(IDXSettings(images: fifo, labels: fifo))
        #expect(Self.problems(idx) == ("pipe.csv: cannot read the file (it is a FIFO, not a regular file)",
                                       "pipe.csv: cannot read the file (it is a FIFO, not a regular file)"))
    }

    /// A CSV file past 128 MiB (2 GiB / 16) is refused; a sparse file, so that the test writes
    /// nothing to disk, and the reader stops one byte past the limit.
    @Test func aCSVFileLargerThanItsLimitIsRefused() throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        let file = try folder.write("a,label\n", "x.csv")
        #expect(truncate(file.resolved, 200 << 20) == 0)
        let expected = "x.csv: expected at most 134217728 bytes (a CSV file takes up to 16 bytes of memory per byte while it is read, "
            + "and the memory budget of a dataset is 2 GiB (2147483648 bytes)), found more"
        #expect(fileProblem { _ = try DatasetConfig(CSVSettings(file: file, target: .label(.name("label")))).load(seed: 0) } == expected)
    }
}
