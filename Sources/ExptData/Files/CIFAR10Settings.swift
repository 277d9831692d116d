import ExptConfig

/// CIFAR-10's binary batches (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`):
/// records of 3073 bytes, a label byte (0 to 9) then 3072 pixel bytes, the red, green and blue
/// planes of 32 x 32 each. Each example is the image `[3, 32, 32]` of its pixel bytes (0 to
/// 255, as floats), its target the label.
public struct CIFAR10Settings: DatasetKind {
    public static let name = "cifar10"
    public static let summary = "CIFAR-10 binary batches: 32x32 colour images, 10 classes."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("files", .described(Self.paths(\.files, defaultValue: nil)), "Batches to train on, read in order."),
         Hyperparameter("test_files", .described(Self.paths(\.testFiles, defaultValue: "none")), "Batches of the dataset's own test set.")]
    }

    /// A list of paths, listed `[a, b]`; an empty list is left out.
    private static func paths(_ path: KeyPath<Self, [DataFile]>, defaultValue: String?) -> HyperparameterDescription<Self> {
        HyperparameterDescription(type: "path, or sequence of paths", defaultValue: defaultValue) {
            $0[keyPath: path].isEmpty ? nil : "[" + $0[keyPath: path].map(\.path).joined(separator: ", ") + "]"
        }
    }

    /// The training batches, read in order; empty only before a manifest names them.
    public var files: [DataFile] = []
    /// The test batches: the dataset's own test set; none when empty.
    public var testFiles: [DataFile] = []

    public init() {}

    public init(files: [DataFile], testFiles: [DataFile] = []) {
        self.files = files
        self.testFiles = testFiles
    }

    public static let classCount = 10
    public static let imageShape = [3, 32, 32]
    static let recordSize = 3073

    public var classCount: Int? { Self.classCount }
    public var inputShape: [Int]? { nil }
    public var hasOwnTestSet: Bool { !testFiles.isEmpty }
    public var valueRange: ClosedRange<Double>? { 0...255 }
    public var dataFiles: [DataFile] { files + testFiles }

    public func load(seed: UInt64) throws(DataFileError) -> LoadedData {
        let examples = try Self.dataset(files, recordsBefore: 0)
        return LoadedData(examples: examples, test: testFiles.isEmpty ? nil : try Self.dataset(testFiles, recordsBefore: examples.count))
    }

    /// Checks that every file can be read and starts with a label.
    public func inspect() throws(DataFileError) -> DataFileSummary? {
        for file in files + testFiles {
            try Self.checkLabel(FileBytes.head(of: file, count: 1), at: 0, file: file)
        }
        return DataFileSummary(featureShape: Self.imageShape, classes: Self.classCount, targets: 1)
    }

    private static func checkLabel(_ bytes: [UInt8], at offset: Int, file: DataFile) throws(DataFileError) {
        guard offset < bytes.count else {
            throw DataFileError(path: file.path, location: .byte(0),
                                message: "expected records of \(recordSize) bytes (a label byte and 3072 pixel bytes), found an empty file")
        }
        guard Int(bytes[offset]) < classCount else {
            throw DataFileError(path: file.path, location: .byte(offset),
                                message: "expected a label from 0 to \(classCount - 1), found \(bytes[offset])")
        }
    }

    /// The most records the memory budget holds: each takes (3072 + 1)·4 bytes as floats.
    static let maximumRecords = MemoryBudget.bytes / (recordSize * 4)

    /// The examples of `files`, read in order, after `recordsBefore` records of other files of
    /// the dataset; each file is read only up to what the memory budget still holds.
    private static func dataset(_ files: [DataFile], recordsBefore: Int) throws(DataFileError) -> Dataset {
        var features: [Float] = []
        var targets: [Float] = []
        for file in files {
            let before = recordsBefore + targets.count
            let reason = "the memory budget of a dataset, \(MemoryBudget.limitDescription), holds \(maximumRecords) records of \(recordSize * 4) bytes as floats, \(before) of them in the files before"
            let bytes = try FileBytes.contents(of: file, limit: (maximumRecords - before) * recordSize, reason: reason)
            try checkLabel(bytes, at: 0, file: file)
            let remainder = bytes.count % recordSize
            guard remainder == 0 else {
                throw DataFileError(path: file.path, location: .byte(bytes.count - remainder),
                                    message: "expected a record of \(recordSize) bytes (a label byte and 3072 pixel bytes), found \(remainder) bytes before the end of the file")
            }
            features.reserveCapacity(features.count + bytes.count / recordSize * (recordSize - 1))
            for start in stride(from: 0, to: bytes.count, by: recordSize) {
                try checkLabel(bytes, at: start, file: file)
                targets.append(Float(bytes[start]))
                features.append(contentsOf: bytes[(start + 1)..<(start + recordSize)].lazy.map(Float.init))
            }
        }
        return Dataset(count: targets.count, featureCount: recordSize - 1, featureShape: imageShape, features: features,
                       targetCount: 1, targets: targets, classCount: classCount)
    }
}
