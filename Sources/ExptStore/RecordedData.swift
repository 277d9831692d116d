import ExptData
import ExptManifest
import Foundation

/// `data.json` of a results folder: what the report needs to know of each dataset read from
/// files (IDX, CIFAR-10, CSV), so that `expt report` rebuilds the folder without its data
/// files, from any working directory, wherever the folder was moved: the example counts and
/// shape, the classes, and each file's size and SHA-256 (provenance: which bytes the runs
/// trained on). Generated datasets are not listed; their settings say all of it.
public struct RecordedData: Sendable, Equatable, Codable {
    /// The file's name in the results folder.
    public static let fileName = "data.json"

    /// One dataset read from files, as its runs loaded it.
    public struct Entry: Sendable, Equatable, Codable {
        /// The dataset's name, its kind's.
        public var dataset: String
        /// Its settings as the manifest names them, file paths as it writes them.
        public var settings: [String: String]
        /// Examples in its training files, before the validation and test splits.
        public var examples: Int
        /// Examples in its own test files; nil when it has none.
        public var testExamples: Int?
        /// The shape of one example.
        public var exampleShape: [Int]
        /// The number of classes; nil for regression.
        public var classes: Int?
        /// Values per target: 1 for classification.
        public var targets: Int
        /// Each file the dataset reads, in the manifest's order.
        public var files: [FileRecord]
        /// A text's vocabulary, its characters in id order (character i is id i); absent for
        /// a dataset of values.
        public var vocabulary: String?

        enum CodingKeys: String, CodingKey {
            case dataset, settings, examples, testExamples = "test_examples", exampleShape = "example_shape", classes, targets, files,
                 vocabulary
        }

        /// What the decoder reads from the files' headers.
        public var summary: DataFileSummary {
            DataFileSummary(featureShape: exampleShape, classes: classes, targets: targets, vocabulary: vocabulary)
        }
    }

    /// A data file: its path as the manifest writes it, its size in bytes as stored on disk
    /// (compressed, for a gzip file) and the SHA-256 of those bytes.
    public struct FileRecord: Sendable, Equatable, Codable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    /// The datasets, in order of first use by the experiment's runs.
    public var datasets: [Entry]

    public init(datasets: [Entry]) {
        self.datasets = datasets
    }

    /// The entry of `dataset`, compared by its settings and the paths as written (not where
    /// they resolve, which depends on the folder's place).
    public func entry(for dataset: DatasetConfig) -> Entry? {
        let settings = Self.settings(of: dataset)
        return datasets.first { $0.dataset == dataset.name && $0.settings == settings }
    }

    /// Reads every data file of `experiment`'s runs in full, once per distinct dataset, and
    /// records it; throws the first file that is missing, truncated or corrupt.
    public static func reading(_ experiment: Experiment) throws(DataFileError) -> RecordedData {
        var datasets: [Entry] = []
        var seen: Set<DatasetConfig> = []
        // Every run, not every variant: a sweep may set the data of each of its points.
        for spec in experiment.runs where spec.config.data.dataset.readsFiles {
            let data = spec.config.data
            guard seen.insert(data.dataset).inserted else { continue }
            // What the manifest decoder reads from the headers, exactly, so that decoding
            // with the record gives the experiment decoding with the files gave.
            guard let summary = try data.dataset.inspect() else { continue }
            let loaded = try data.dataset.load(seed: data.seed)
            datasets.append(Entry(
                dataset: data.dataset.name, settings: settings(of: data.dataset), examples: loaded.examples.count, testExamples: loaded.test?.count,
                exampleShape: summary.featureShape, classes: summary.classes, targets: summary.targets,
                files: try data.dataset.dataFiles.map(FileRecord.init(reading:)), vocabulary: summary.vocabulary))
        }
        return RecordedData(datasets: datasets)
    }

    /// The JSON text written to `data.json`: keys sorted, two-space indented, one final newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings and integers always encode.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The record in `folder`; nil when there is none, a ``StoreError`` when it cannot be read.
    public static func stored(in folder: ResultsFolder) throws(StoreError) -> RecordedData? {
        guard FileManager.default.fileExists(atPath: folder.file(fileName)) else { return nil }
        guard let text = folder.read(fileName),
              let record = try? JSONDecoder().decode(RecordedData.self, from: Data(text.utf8)) else {
            throw StoreError("\(folder.file(fileName)) cannot be read as expt's record of the data files")
        }
        return record
    }

    private static func settings(of dataset: DatasetConfig) -> [String: String] {
        Dictionary(dataset.settings.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

extension RecordedData.FileRecord {
    /// The size and SHA-256 of `file`'s bytes.
    init(reading file: DataFile) throws(DataFileError) {
        guard let bytes = FileManager.default.contents(atPath: file.resolved) else {
            throw DataFileError(path: file.path, location: .file, message: "cannot read the file")
        }
        self.init(path: file.path, bytes: bytes.count, sha256: SHA256.hex(of: bytes))
    }
}

extension RecordedData {
    /// The training examples of `data` after the validation and test splits: from its settings
    /// for a generated dataset, from the recorded count for files; nil when neither tells.
    public func trainingCount(of data: DataConfig) -> Int? {
        data.trainingCount ?? entry(for: data.dataset).map {
            Dataset.splitSizes(count: $0.examples, validationFraction: data.validation,
                               testFraction: data.dataset.hasOwnTestSet ? 0 : data.test).train
        }
    }
}
