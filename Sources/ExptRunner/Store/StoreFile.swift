import Foundation

/// Whole-file reads and writes for the store.
enum StoreFile {
    /// Writes `text` to a temporary file beside `path`, flushes it to disk and renames it over
    /// `path`, so a reader (or a later run after a crash) sees the old file or the new one,
    /// never half of one. The temporary name holds the process id.
    static func write(_ text: String, to path: String) throws(StoreError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        func failure(_ operation: String, closing descriptor: Int32? = nil) -> StoreError {
            let reason = String(cString: strerror(errno))
            if let descriptor { close(descriptor) }
            unlink(temporary)
            return StoreError("cannot write \(path): \(operation): \(reason)")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open") }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written >= 0 else { throw failure("write", closing: descriptor) }
            bytes = bytes.dropFirst(written)
        }
        guard fsync(descriptor) == 0 else { throw failure("fsync", closing: descriptor) }
        guard close(descriptor) == 0 else { throw failure("close") }
        guard rename(temporary, path) == 0 else { throw failure("rename") }
    }

    /// The file's text, or nil when it does not exist or is not UTF-8.
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the folder \(path): \(error.localizedDescription)")
        }
    }
}
