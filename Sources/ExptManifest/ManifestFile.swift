#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a manifest file with POSIX calls, so that the reasons of failures are the system's
/// short ones ("no such file or directory"), and a huge file is refused before it is read.
enum ManifestFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func contents(ofPath path: String, limit: Int) -> Result<String, Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(errno: errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(errno: EISDIR)) }
        if Int(info.st_size) > limit {
            return .failure(Failure(description: "it is \(info.st_size) bytes; the limit is \(limit) bytes"))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(errno: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                return .failure(Failure(description: "it is more than \(limit) bytes; the limit is \(limit) bytes"))
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Failure(description: "it is not UTF-8 text"))
        }
        return .success(text)
    }
}

extension ManifestFile.Failure {
    init(errno code: Int32) {
        var message = String(cString: strerror(code))
        if let first = message.first {
            message = first.lowercased() + message.dropFirst()
        }
        self.init(description: message)
    }
}
