import Foundation

/// Writes whole files so that a reader (or a later run after a crash) sees the old file or the
/// new one, never half of one: the text goes to a temporary file beside the target, is flushed
/// to disk, and is renamed over it (rename(2) replaces the target atomically within one file
/// system). The temporary file is removed if anything fails. Its name holds the process id, so
/// two processes may write the same path at once; two threads of one process must not.
///
/// The one implementation behind the store's files and the report's, with the rename and the
/// folder creation the report's set of files is replaced with (`ReportFiles`).
public enum AtomicWrite {
    /// A failed write: the file, the system call that failed, and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let operation: String
        public let reason: String

        public init(path: String, operation: String, reason: String) {
            self.path = path
            self.operation = operation
            self.reason = reason
        }

        public var description: String {
            "cannot write \(path): \(operation): \(reason)"
        }
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` over `path` atomically, as ``write(_:to:)`` writes text (a binary file: an .npz).
    public static func write(bytes contents: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        /// The failure of `operation`: reads errno first, then closes `descriptor` (when given)
        /// and removes the temporary file.
        func failure(_ operation: String, closing descriptor: Int32? = nil) -> Failure {
            let reason = String(cString: strerror(errno))
            if let descriptor { close(descriptor) }
            unlink(temporary)
            return Failure(path: path, operation: operation, reason: reason)
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open") }
        var bytes = contents[...]
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

    /// Renames `source` over `destination`: atomic within one file system, and it needs no space.
    public static func move(_ source: String, to destination: String) throws(Failure) {
        guard rename(source, destination) == 0 else {
            throw Failure(path: destination, operation: "rename", reason: String(cString: strerror(errno)))
        }
    }

    /// Creates the folder `path` and its missing parents. A failure says why in expt's words:
    /// the part of the path that is a file, or the system's reason.
    public static func makeFolder(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, operation: "create the folder", reason: reason(creating: path, error))
        }
    }

    private static func reason(creating path: String, _ error: any Error) -> String {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory), !isDirectory.boolValue {
                return "\(prefix) is a file, not a folder"
            }
        }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedFailureReason ?? "the system refused it"
    }
}
