import Foundation

/// An error writing the results, with the path and the system's reason.
public struct ReportWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String {
        "cannot write \(path): \(reason)"
    }
}

/// Writes whole files so that a reader sees the old file or the new one, never half of one.
enum AtomicFile {
    /// Writes `text` to a temporary file beside `path`, flushes it to disk, and renames it
    /// over `path` (rename(2) replaces the target atomically within one file system).
    /// The temporary file is removed if anything fails. Its name holds the process id, so two
    /// processes may write the same path at once; two threads of one process must not.
    static func write(_ text: String, to path: String) throws(ReportWriteError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        /// The error for a failed `operation`: reads errno first, then closes `descriptor`
        /// (when given) and removes the temporary file.
        func failure(_ operation: String, closing descriptor: Int32? = nil) -> ReportWriteError {
            let reason = "\(operation): \(String(cString: strerror(errno)))"
            if let descriptor { close(descriptor) }
            unlink(temporary)
            return ReportWriteError(path: path, reason: reason)
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open \(temporary)") }
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
}
