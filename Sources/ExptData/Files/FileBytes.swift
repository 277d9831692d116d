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
        try decompressed(file, raw: raw(file), limit: limit)
    }

    /// At most the first `count` bytes of the file (decompressed when it is gzip): enough to
    /// check a header without reading the whole file.
    static func head(of file: DataFile, count: Int) throws(DataFileError) -> [UInt8] {
        let raw = try raw(file)
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

    private static func raw(_ file: DataFile) throws(DataFileError) -> [UInt8] {
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
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw DataFileError(path: file.path, location: .file, message: "cannot read the file (it is more than \(limit) bytes)")
            }
        }
    }
}
