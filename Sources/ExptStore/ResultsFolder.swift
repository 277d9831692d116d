import ExptManifest
import Foundation

/// The results folder of one experiment, `<out>/<experiment>/`: the report files at its root,
/// the stored runs in `runs/`, a `layout` file naming the folder's layout version, and the
/// `lock` file of ``FolderLock``.
public struct ResultsFolder: Sendable {
    /// The layout this expt writes and reads; bumped when the folder's files change meaning.
    public static let layoutVersion = 1
    static let layoutText = "expt results layout \(layoutVersion)\n"

    public let path: String

    /// The stored runs.
    public var runs: RunStore {
        RunStore(directory: file("runs"))
    }

    public init(path: String) {
        self.path = path
    }

    /// The folder of `experimentName` under `out`, after checking that the name cannot
    /// lead outside `out`.
    public init(out: String, experimentName: String) throws(StoreError) {
        try SafeName.check(experimentName, as: "experiment name")
        self.init(path: (out as NSString).appendingPathComponent(experimentName))
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Creates the folder if missing, then checks its layout (``checkLayout()``), writing the
    /// layout file into a folder that has none and no stored runs.
    public func create() throws(StoreError) {
        try StoreFile.makeDirectory(path)
        if StoreFile.read(file("layout")) == nil && !FileManager.default.fileExists(atPath: file("runs")) {
            try StoreFile.write(Self.layoutText, to: file("layout"))
        }
        try checkLayout()
    }

    /// Throws unless the folder was written with this expt's layout.
    public func checkLayout() throws(StoreError) {
        guard let text = StoreFile.read(file("layout")) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw StoreError(exists
                ? "\(path) has no layout file, so it was not written by this expt (which writes layout \(Self.layoutVersion)); move it away or choose another --out"
                : "\(path) does not exist")
        }
        guard text == Self.layoutText else {
            let found = text.trimmingCharacters(in: .whitespacesAndNewlines)
            throw StoreError("\(path) was written with another results layout (\(found.debugDescription)); "
                             + "this expt reads \(Self.layoutText.dropLast().debugDescription). "
                             + "Use the expt that wrote it, or move the folder away and run again")
        }
    }

    /// Writes `text` into the folder's file `name`, atomically.
    public func write(_ text: String, to name: String) throws(StoreError) {
        try StoreFile.write(text, to: file(name))
    }

    /// The text of the folder's file `name`, or nil when it cannot be read.
    public func read(_ name: String) -> String? {
        StoreFile.read(file(name))
    }

    /// Everything stored for the runs `experiment` declares, in its order.
    public func results(for experiment: Experiment) -> StoredResults {
        let store = runs
        var results = StoredResults()
        for spec in experiment.runs {
            switch store.load(spec) {
            case .absent:
                results.missing.append(spec)
            case .unusable(let reason):
                results.missing.append(spec)
                results.unusable.append((spec, reason))
            case .stored(let record, let finished):
                results.records.append(record)
                results.finished[spec.id] = finished
                results.latestFinish = max(results.latestFinish ?? finished, finished)
            }
        }
        let declared = Set(experiment.runs.map(\.id))
        results.undeclared = store.storedIDs().filter { !declared.contains($0) }
        return results
    }
}

/// The stored runs of an experiment's declared runs.
public struct StoredResults: Sendable {
    /// Runs that ended or were interrupted, in the manifest's order.
    public var records: [RunRecord] = []
    /// Declared runs with no usable stored result, in the manifest's order.
    public var missing: [RunSpec] = []
    /// The missing runs whose folder exists but cannot be used, and why.
    public var unusable: [(spec: RunSpec, reason: String)] = []
    /// When each stored run ended (ISO 8601), by run id.
    public var finished: [String: String] = [:]
    /// The latest time a stored run ended (ISO 8601), or nil when none is stored.
    public var latestFinish: String?
    /// Ids of run folders that the manifest does not declare (kept, left out of the report).
    public var undeclared: [String] = []

    /// Declared runs that have no finished result: missing, or interrupted.
    public var unfinishedCount: Int {
        missing.count + records.filter(\.status.isInterrupted).count
    }
}
