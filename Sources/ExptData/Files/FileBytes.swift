#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads data files with POSIX calls, so that failures carry the system's short reasons
/// ("no such file or directory"); a gzip file (recognised by its magic number, whatever its
/// name) is decompressed.
enum FileBytes {
    /// The file's bytes, decompressed when it is gzip; a file of more than `limit` bytes
    /// (decompressed) is refused with `reason`, which says where the limit comes from.
    static func contents(of file: DataFile, limit: Int, reason: String) throws(DataFileError) -> [UInt8] {
        let bytes = try head(of: file, count: limit + 1)
        guard bytes.count <= limit else {
            throw DataFileError(path: file.path, location: .file, message: "expected at most \(limit) bytes (\(reason)), found more")
        }
        return bytes
    }

    /// At most the first `count` bytes of the file (decompressed when it is gzip): enough to
    /// check a header without reading the whole file. Of a gzip file, at least its first MiB
    /// is read (its header may hold a long name), and never much more than `count` bytes.
    static func head(of file: DataFile, count: Int) throws(DataFileError) -> [UInt8] {
        // gzip makes incompressible bytes slightly larger (5 bytes per 16 KiB block, and a header).
        let raw = try raw(file, upTo: max(count + count / 1024, 1 << 20))
        return Gzip.isCompressed(raw) ? try decompressed(file, raw: raw, limit: count) : Array(raw.prefix(count))
    }

    private static func decompressed(_ file: DataFile, raw: [UInt8], limit: Int) throws(DataFileError) -> [UInt8] {
        guard Gzip.isCompressed(raw) else { return raw }
        do {
            return try Gzip.decompress(raw, limit: limit)
        } catch {
            throw DataFileError(path: file.path, location: .byte(error.offset, compressed: true), message: error.message)
        }
    }

    /// The file's first `upTo` bytes. Only a regular file is read: a FIFO would block, a device
    /// such as /dev/zero never ends (it is opened without blocking, then refused).
    private static func raw(_ file: DataFile, upTo: Int) throws(DataFileError) -> [UInt8] {
        func failure(_ code: Int32) -> DataFileError {
            var reason = String(cString: strerror(code))
            if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
            return DataFileError(path: file.path, location: .file, message: "cannot read the file (\(reason))")
        }
        let fd = open(file.resolved, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw failure(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(errno) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw failure(EISDIR) }
        guard type == S_IFREG else {
            throw DataFileError(path: file.path, location: .file,
                                message: "cannot read the file (it is \(kind(type)), not a regular file)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), upTo))
        var chunk = [UInt8](repeating: 0, count: min(1 << 20, upTo))
        while bytes.count < upTo {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, upTo - bytes.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// `a FIFO`, `a character device`, … for a file type of `stat`'s `st_mode`.
    private static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }
}
