import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and writes for the store.
public enum StoreFile {
    /// Writes `text` over `path` atomically (see ``AtomicWrite``).
    static func write(_ text: String, to path: String) throws(StoreError) {
        do {
            try AtomicWrite.write(text, to: path)
        } catch {
            throw StoreError(error.description)
        }
    }

    /// The file's text, or nil when it does not exist, is not a regular file (a FIFO would
    /// block: it is opened without blocking, then refused) or is not UTF-8. Read with POSIX
    /// calls: Foundation's `contents(atPath:)` leaks 4 KiB for each empty file it reads.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { return String(validating: bytes, as: UTF8.self) }
            bytes += chunk[0..<count]
        }
    }

    /// Creates `path` and its missing parents (see ``AtomicWrite/makeFolder(_:)``), with the
    /// store's error.
    public static func makeDirectory(_ path: String) throws(StoreError) {
        do {
            try AtomicWrite.makeFolder(path)
        } catch {
            throw StoreError("cannot create the folder \(path): \(error.reason)")
        }
    }
}
