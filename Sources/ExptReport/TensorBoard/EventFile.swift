import ExptStore
import Foundation

/// An event file open for appending: each call writes its records with write(2), so a reader
/// (TensorBoard watching the folder) sees every event as soon as it is appended; closing syncs
/// the file to disk; a failure is an ``AtomicWrite/Failure`` (the file, the system call, the
/// reason). Not thread-safe: one writer per file.
public final class EventFile {
    public let path: String
    private var descriptor: Int32

    /// Creates the file at `path` (and its missing folders), empty.
    public init(path: String) throws(AtomicWrite.Failure) {
        self.path = path
        try AtomicWrite.makeFolder((path as NSString).deletingLastPathComponent)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "open") }
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }

    /// Appends `events`, each as one TFRecord.
    public func append(_ events: [TensorBoardEvent]) throws(AtomicWrite.Failure) {
        var bytes = events.flatMap(\.record)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written >= 0 else { throw Self.failure(path, "write") }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Syncs the file to disk and closes it.
    public func close() throws(AtomicWrite.Failure) {
        let synced = fsync(descriptor) == 0
        let reason = synced ? nil : Self.failure(path, "fsync")
        let closed = Foundation.close(descriptor) == 0
        descriptor = -1
        if let reason { throw reason }
        guard closed else { throw Self.failure(path, "close") }
    }

    private static func failure(_ path: String, _ operation: String) -> AtomicWrite.Failure {
        AtomicWrite.Failure(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
