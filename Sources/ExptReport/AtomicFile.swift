import ExptStore

/// An error writing the results, with the path and the system's reason.
public struct ReportWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String {
        "cannot write \(path): \(reason)"
    }
}

/// Writes the report's files whole (see ``AtomicWrite``), with the report's error.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(ReportWriteError) {
        do {
            try AtomicWrite.write(text, to: path)
        } catch {
            throw ReportWriteError(path: path, reason: "\(error.operation): \(error.reason)")
        }
    }
}
