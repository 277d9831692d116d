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

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the folder \(path): \(error.localizedDescription)")
        }
    }
}
