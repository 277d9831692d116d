import ExptManifest
import Foundation

/// Where one run keeps its checkpoint: `runs/.checkpoint-<id>/checkpoint.json` beside its run
/// folder (hidden, so the store's listing of runs skips it). Each save replaces the file
/// atomically, so the folder holds the last checkpoint only, whole, whatever kills the process;
/// ``remove()`` deletes the folder once the run has ended for good.
///
/// The store knows nothing of what a checkpoint holds: any `Codable` value, as the store's JSON
/// (keys sorted, numbers written with the digits that read back the same value).
public struct CheckpointStore: Sendable {
    /// The run's checkpoint folder.
    public let folder: String

    /// The checkpoint folder of `spec`'s run in `store`.
    public init(runs store: RunStore, spec: RunSpec) {
        folder = (store.directory as NSString).appendingPathComponent(".checkpoint-\(spec.id)")
    }

    /// The checkpoint file.
    public var path: String {
        (folder as NSString).appendingPathComponent("checkpoint.json")
    }

    /// Replaces the checkpoint with `checkpoint`, atomically.
    public func save<Checkpoint: Encodable>(_ checkpoint: Checkpoint) throws(StoreError) {
        try StoreFile.makeDirectory(folder)
        let text: String
        do { text = try StoreCoding.json(checkpoint) } catch { throw StoreError("cannot encode the checkpoint \(path): \(error)") }
        try StoreFile.write(text, to: path)
    }

    /// The checkpoint, or nil when there is none or it cannot be read as a `Checkpoint`.
    public func load<Checkpoint: Decodable>(_ type: Checkpoint.Type) -> Checkpoint? {
        guard let text = StoreFile.read(path) else { return nil }
        return try? StoreCoding.decoder().decode(type, from: Data(text.utf8))
    }

    /// Deletes the checkpoint folder (nothing when there is none).
    public func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
