/// The text of `manifest.yaml` in the results: the manifest exactly as read, plus what else
/// decided the runs, as YAML comments (so the file still reads as the same manifest):
/// the `--set` overrides in a block before it, and each file it extends, line by line, after it.
enum RecordedManifest {
    static let overridesHeader = "# expt read this manifest with these overrides (pass them again to reproduce):"
    static let overridePrefix = "#   --set "

    static func text(manifest: String, overrides: [String], baseFiles: [(path: String, text: String)]) -> String {
        guard !overrides.isEmpty || !baseFiles.isEmpty else { return manifest }
        var text = ""
        if !overrides.isEmpty {
            text += overridesHeader + "\n"
            text += overrides.map { overridePrefix + $0 + "\n" }.joined()
        }
        text += manifest
        if !baseFiles.isEmpty {
            if !text.hasSuffix("\n") { text += "\n" }
            text += "# It extends these files, as read:\n"
            for file in baseFiles {
                text += "# --- \(file.path) ---\n"
                var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last == "" { lines.removeLast() }
                text += lines.map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined()
            }
        }
        return text
    }
}

extension RecordedManifest {
    /// The `--set` overrides recorded at the top of a manifest written by ``text(manifest:overrides:baseFiles:)``,
    /// in order; empty when it records none.
    static func overrides(in text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first == Substring(overridesHeader) else { return [] }
        lines = lines.dropFirst()
        return lines.prefix { $0.hasPrefix(overridePrefix) }.map { String($0.dropFirst(overridePrefix.count)) }
    }
}
