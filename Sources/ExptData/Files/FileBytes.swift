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
    /// The most bytes a data file may hold, decompressed: 4 GiB.
    static let limit = 1 << 32

    /// The file's bytes, decompressed when it is gzip.
    static func contents(of file: DataFile) throws(DataFileError) -> [UInt8] {
        let bytes = try decompressed(file, raw: raw(file, upTo: limit + 1), limit: limit + 1)
        guard bytes.count <= limit else {
            throw DataFileError(path: file.path, location: .file, message: "cannot read the file (it decompresses to more than \(limit) bytes)")
        }
        return bytes
    }

    /// At most the first `count` bytes of the file (decompressed when it is gzip): enough to
    /// check a header without reading the whole file. Only the first MiB of a gzip file is
    /// read, which holds far more than a header.
    static func head(of file: DataFile, count: Int) throws(DataFileError) -> [UInt8] {
        let raw = try raw(file, upTo: max(count, 1 << 20))
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

    /// The file's first `upTo` bytes; a file larger than `limit` is refused.
    private static func raw(_ file: DataFile, upTo: Int) throws(DataFileError) -> [UInt8] {
        func failure(_ code: Int32) -> DataFileError {
            var reason = String(cString: strerror(code))
            if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
            return DataFileError(path: file.path, location: .file, message: "cannot read the file (\(reason))")
        }
        let fd = open(file.resolved, O_RDONLY)
        guard fd >= 0 else { throw failure(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(EISDIR) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), upTo))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while bytes.count < upTo {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, upTo - bytes.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if bytes.count > limit {
            throw DataFileError(path: file.path, location: .file, message: "cannot read the file (it is more than \(limit) bytes)")
        }
        return bytes
    }
}
