import ExptData
import ExptConfig
import ExptManifest
import Foundation

/// Where one run keeps its checkpoint: the folder `runs/.checkpoint-<id>/` beside its run folder
/// (hidden, so the store's listing of runs skips it), holding the checkpoint's float32 arrays as
/// one NumPy archive, `arrays-<epoch>.npz`, and everything else as `checkpoint.json`: the
/// archive's name and SHA-256, then the rest of the checkpoint.
///
/// A save writes the archive of its epoch, then replaces `checkpoint.json` (each file written
/// atomically), then deletes every other archive: whatever kills the process, the JSON names a
/// whole archive that matches its checksum, and at most the archive of an unfinished save is
/// left beside it, deleted by the next save. ``remove()`` deletes the folder once the run has
/// ended for good.
public struct CheckpointStore: Sendable {
    /// The run's checkpoint folder.
    public let folder: String

    /// The checkpoint folder of `spec`'s run in `store`.
    public init(runs store: RunStore, spec: RunSpec) {
        folder = (store.directory as NSString).appendingPathComponent(".checkpoint-\(spec.id)")
    }

    /// The checkpoint's JSON file, written last.
    public var path: String {
        file("checkpoint.json")
    }

    /// What `checkpoint.json` holds: the archive's name and checksum, and the checkpoint's other values.
    private struct Envelope<Rest: Codable>: Codable {
        var arrays: String
        var arraysSHA256: String
        var checkpoint: Rest

        enum CodingKeys: String, CodingKey {
            case arrays, checkpoint
            case arraysSHA256 = "arrays_sha256"
        }
    }

    /// Replaces the checkpoint with the one of epoch `epoch`: `arrays` and the rest, `checkpoint`.
    public func save<Rest: Codable>(arrays: [NamedArray], checkpoint: Rest, epoch: Int) throws(StoreError) {
        try StoreFile.makeDirectory(folder)
        let archiveName = "arrays-\(epoch).npz"
        let archive = NumpyArchive.encode(arrays)
        do {
            try AtomicWrite.write(bytes: archive, to: file(archiveName))
        } catch {
            throw StoreError(error.description)
        }
        let text: String
        do {
            text = try StoreCoding.json(Envelope(arrays: archiveName, arraysSHA256: SHA256.hex(of: archive), checkpoint: checkpoint))
        } catch {
            throw StoreError("cannot encode the checkpoint \(path): \(error)")
        }
        try StoreFile.write(text, to: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix("arrays-") && name != archiveName {
            unlink(file(name))
        }
    }

    /// The checkpoint's arrays and the rest, or nil when there is none, or it cannot be read
    /// (its JSON is not a `Rest`, or its archive is missing, changed or unreadable).
    public func load<Rest: Codable>(_ type: Rest.Type) -> (arrays: [NamedArray], checkpoint: Rest)? {
        guard let text = StoreFile.read(path),
              let envelope = try? StoreCoding.decoder().decode(Envelope<Rest>.self, from: Data(text.utf8)),
              !envelope.arrays.contains("/"),
              let data = FileManager.default.contents(atPath: file(envelope.arrays)) else { return nil }
        let archive = [UInt8](data)
        guard SHA256.hex(of: archive) == envelope.arraysSHA256,
              let arrays = try? NumpyArchive.decode(archive, file: envelope.arrays) else { return nil }
        return (arrays, envelope.checkpoint)
    }

    /// Deletes the checkpoint folder (nothing when there is none).
    public func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func file(_ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
