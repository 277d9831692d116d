import Foundation

/// An event file open for appending: each call writes its records with write(2), so a reader
/// (TensorBoard watching the folder) sees every event as soon as it is appended; closing syncs
/// the file to disk. Not thread-safe: one writer per file.
public final class EventFile {
    /// A failed write: the file, the system call that failed, and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let operation: String
        public let reason: String

        public var description: String {
            "cannot write \(path): \(operation): \(reason)"
        }
    }

    public let path: String
    private var descriptor: Int32

    /// Creates the file at `path` (and its missing folders), empty.
    public init(path: String) throws(Failure) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, operation: "create the folder", reason: (error as NSError).localizedDescription)
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "open") }
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }

    /// Appends `events`, each as one TFRecord.
    public func append(_ events: [TensorBoardEvent]) throws(Failure) {
        var bytes = events.flatMap(\.record)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written >= 0 else { throw Self.failure(path, "write") }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Syncs the file to disk and closes it.
    public func close() throws(Failure) {
        let synced = fsync(descriptor) == 0
        let reason = synced ? nil : Self.failure(path, "fsync")
        let closed = Foundation.close(descriptor) == 0
        descriptor = -1
        if let reason { throw reason }
        guard closed else { throw Self.failure(path, "close") }
    }

    private static func failure(_ path: String, _ operation: String) -> Failure {
        Failure(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
