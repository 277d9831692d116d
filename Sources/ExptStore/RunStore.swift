import ExptConfig
import ExptData
import ExptManifest
import Foundation

/// The `runs/` folder of an experiment's results: one folder per run, named by its id
/// (``RunSpec/id``), holding `config.json`, `metrics.csv`, `trajectory.csv` (when the run
/// recorded a trajectory), `landscape.csv` (when it interpolated the loss), `layers.csv` (with
/// `train.layer_stats`), `flipped_labels.csv` (with `data.label_noise`) and, written last,
/// `status.json`.
public struct RunStore: Sendable {
    /// The `runs/` folder.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The folder of `spec`'s run.
    public func folder(of spec: RunSpec) -> String {
        (directory as NSString).appendingPathComponent(spec.id)
    }

    /// Stores `record`: removes any old status (and temporary files left by a killed writer)
    /// first, writes each file atomically, then the status with the files' checksums and its
    /// own. A crash
    /// at any point leaves a folder that ``load(_:)`` reports as unusable, never a mix of old
    /// and new files taken for a result.
    public func save(_ record: RunRecord, finished: Date = Date()) throws(StoreError) {
        let folder = folder(of: record.spec)
        try StoreFile.makeDirectory(folder)
        removeTemporaryFiles(in: folder)
        let statusPath = path(folder, "status.json")
        if unlink(statusPath) != 0 && errno != ENOENT {
            throw StoreError("cannot remove \(statusPath): \(String(cString: strerror(errno)))")
        }
        var files = ["config.json": record.spec.canonicalJSON()]
        do {
            files["metrics.csv"] = try FlatTable.csv(record.epochs)
            if !record.trajectory.isEmpty { files["trajectory.csv"] = try FlatTable.csv(record.trajectory) }
            if !record.landscape.isEmpty { files["landscape.csv"] = try FlatTable.csv(record.landscape) }
            if !record.layers.isEmpty { files["layers.csv"] = try FlatTable.csv(record.layers) }
            if !record.flippedLabels.isEmpty { files["flipped_labels.csv"] = try FlatTable.csv(record.flippedLabels) }
        } catch {
            throw StoreError("cannot encode the metrics of run \(record.spec.id): \(error)")
        }
        for name in Self.optionalFiles where files[name] == nil { unlink(path(folder, name)) }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try StoreFile.write(text, to: path(folder, name))
        }
        try saveWeights(record.weights, in: folder)
        let status = StoredStatus(record: record, finished: ISO8601DateFormatter().string(from: finished),
                                  files: files.mapValues { SHA256.hex(of: $0) })
        let text: String
        do { text = try StoreCoding.json(status.sealed()) } catch { throw StoreError("cannot encode the status of run \(record.spec.id): \(error)") }
        try StoreFile.write(text, to: statusPath)
    }

    /// Writes each of `weights` as `weights/<moment>.npz` (``NumpyArchive``), atomically, before
    /// the status that marks the run stored. Files of other moments from an earlier training
    /// of the same run are removed, so the folder holds what this training asked for.
    private func saveWeights(_ weights: [SavedWeights: [NamedArray]], in folder: String) throws(StoreError) {
        let weightsFolder = path(folder, "weights")
        for moment in SavedWeights.allCases where weights[moment] == nil {
            unlink(path(weightsFolder, "\(moment.rawValue).npz"))
        }
        guard !weights.isEmpty else { return }
        try StoreFile.makeDirectory(weightsFolder)
        for (moment, arrays) in weights.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let file = path(weightsFolder, "\(moment.rawValue).npz")
            do {
                try AtomicWrite.write(bytes: NumpyArchive.encode(arrays), to: file)
            } catch {
                throw StoreError(error.description)
            }
        }
    }

    /// What the store holds for `spec`: nothing, a finished (or interrupted) run, or a folder
    /// that cannot be used, with the reason.
    public func load(_ spec: RunSpec) -> StoredRun {
        let folder = folder(of: spec)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .absent
        }
        switch read(spec, in: folder) {
        case .success(let stored): return stored
        case .failure(let failure): return .unusable(reason: failure.description)
        }
    }

    /// The ids of the run folders in the store, sorted (empty when there is no store yet).
    public func storedIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    private func read(_ spec: RunSpec, in folder: String) -> Result<StoredRun, StoreError> {
        guard let statusText = StoreFile.read(path(folder, "status.json")) else {
            return .failure(StoreError("it did not finish (no status.json)"))
        }
        guard let status = try? StoreCoding.decoder().decode(StoredStatus.self, from: Data(statusText.utf8)),
              let runStatus = status.runStatus else {
            return .failure(StoreError("status.json is not a valid status"))
        }
        guard status.checksum != nil else {
            return .failure(StoreError("status.json has no checksum of its own"))
        }
        guard status.matchesChecksum else {
            return .failure(StoreError("status.json does not match its checksum (changed or cut short)"))
        }
        guard status.runID == spec.id else {
            return .failure(StoreError("status.json belongs to run \(status.runID)"))
        }
        var texts: [String: String] = [:]
        for name in ["config.json", "metrics.csv"] where status.files[name] == nil {
            return .failure(StoreError("status.json has no checksum for \(name)"))
        }
        for (name, checksum) in status.files.sorted(by: { $0.key < $1.key }) {
            guard ["config.json", "metrics.csv"].contains(name) || Self.optionalFiles.contains(name) else {
                return .failure(StoreError("status.json names an unknown file \(name)"))
            }
            guard let text = StoreFile.read(path(folder, name)) else {
                let exists = FileManager.default.fileExists(atPath: path(folder, name))
                return .failure(StoreError(exists ? "\(name) cannot be read as UTF-8 text" : "\(name) is missing"))
            }
            guard SHA256.hex(of: text) == checksum else {
                return .failure(StoreError("\(name) does not match its checksum in status.json (changed or cut short)"))
            }
            texts[name] = text
        }
        guard texts["config.json"] == spec.canonicalJSON() else {
            return .failure(StoreError("config.json holds other settings than the manifest's"))
        }
        do {
            let epochs = try FlatTable.rows(EpochMetrics.self, from: texts["metrics.csv"] ?? "")
            guard epochs.count == status.epochs else {
                return .failure(StoreError("metrics.csv has \(epochs.count) epochs; status.json says \(status.epochs)"))
            }
            let trajectory = try FlatTable.rows(TrajectoryPoint.self, from: texts["trajectory.csv"] ?? "")
            let landscape = try FlatTable.rows(LandscapePoint.self, from: texts["landscape.csv"] ?? "")
            let layers = try FlatTable.rows(LayerEpochStatistics.self, from: texts["layers.csv"] ?? "")
            let flippedLabels = try FlatTable.rows(FlippedLabel.self, from: texts["flipped_labels.csv"] ?? "")
            let record = RunRecord(spec: spec, status: runStatus, epochs: epochs, seconds: status.seconds, trajectory: trajectory,
                                   test: status.test, landscape: landscape, earlyStop: status.earlyStop, layers: layers,
                                   flippedLabels: flippedLabels)
            return .success(.stored(record, finished: status.finished))
        } catch {
            return .failure(StoreError("a table cannot be read: \(error)"))
        }
    }

    /// The files a run folder holds only when the run recorded them.
    static let optionalFiles = ["trajectory.csv", "landscape.csv", "layers.csv", "flipped_labels.csv"]

    /// Removes the temporary files that a process killed mid-write left behind.
    private func removeTemporaryFiles(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            unlink(path(folder, name))
        }
    }

    private func path(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}

/// What a ``RunStore`` holds for one run.
public enum StoredRun: Sendable, Equatable {
    /// No folder: the run was never started (or was removed).
    case absent
    /// A folder that holds no usable result; the reason says why (it must be trained again).
    case unusable(reason: String)
    /// A run that ended (or was interrupted), and when, in ISO 8601.
    case stored(RunRecord, finished: String)
}
