/// Checks a name before it becomes a file or folder name, so no name from a manifest can
/// write outside the results folder. The manifest's own name rules are stricter; this is
/// the store's defence of its own.
public enum SafeName {
    /// Throws unless `name` is a single, ordinary path component: not empty, not `.` or `..`
    /// or hidden, without `/`, `\`, NUL or other control characters, at most 255 bytes.
    public static func check(_ name: String, as what: String) throws(StoreError) {
        let problem: String? =
            if name.isEmpty { "it is empty" }
            else if name == "." || name == ".." { "it names a folder itself" }
            else if name.hasPrefix(".") { "it starts with \".\"" }
            else if name.contains("/") || name.contains("\\") { "it contains a path separator" }
            else if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { "it contains a control character" }
            else if name.utf8.count > 255 { "it is longer than 255 bytes" }
            else { nil }
        if let problem {
            throw StoreError("unsafe \(what) \(name.debugDescription): \(problem), so it cannot name a results folder")
        }
    }
}
