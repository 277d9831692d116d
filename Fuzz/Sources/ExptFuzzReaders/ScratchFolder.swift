import ExptData
import Glibc

/// A folder of this process (under /dev/shm when it exists, /tmp otherwise) that holds the
/// files of the current input: each input overwrites the previous one's files.
enum ScratchFolder {
    static let path: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let path = "\(base)/expt-fuzz-\(getpid())"
        mkdir(path, 0o700)
        return path
    }()

    /// Writes `bytes` to the file `name` of the folder and returns it as a data file.
    static func write(_ bytes: some Collection<UInt8>, _ name: String) -> DataFile {
        let resolved = "\(path)/\(name)"
        let fd = open(resolved, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(resolved)")
        let data = Array(bytes)
        var written = 0
        while written < data.count {
            let count = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, data.count - written) }
            precondition(count > 0, "cannot write \(resolved)")
            written += count
        }
        close(fd)
        return DataFile(path: name, resolved: resolved)
    }
}
