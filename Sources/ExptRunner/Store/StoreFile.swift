import Foundation

/// Whole-file reads and writes for the store.
enum StoreFile {
    /// Writes `text` over `path` atomically (see ``AtomicWrite``).
    static func write(_ text: String, to path: String) throws(StoreError) {
        do {
            try AtomicWrite.write(text, to: path)
        } catch {
            throw StoreError(error.description)
        }
    }

    /// The file's text, or nil when it does not exist or is not UTF-8.
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// Creates `path` and its missing parents. A failure says why in expt's words: the part of
    /// the path that is a file, or the system's reason.
    static func makeDirectory(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the folder \(path): \(reason(creating: path, error))")
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
