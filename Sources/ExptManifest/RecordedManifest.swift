/// The text of `manifest.yaml` in the results: the manifest exactly as read, plus what else
/// decided the runs, as YAML comments (so the file still reads as the same manifest):
/// the `--set` overrides in a block before it, each file it extends, line by line, after it,
/// and where the results folder keeps the weights file of `init.from` (last).
public enum RecordedManifest {
    static let overridesHeader = "# expt read this manifest with these overrides (pass them again to reproduce):"
    static let overridePrefix = "#   --set "

    static let basesHeaderPrefix = "# It extends these files, as read (the manifest was read as "
    static let baseFilePrefix = "# --- "
    static let baseFileSuffix = " ---"

    static func text(manifest: String, path: String, overrides: [String], baseFiles: [(path: String, text: String)],
                     keptWeights: String? = nil) -> String {
        // A recorded manifest, decoded again, already ends with the line.
        let keptLine = keptWeights.map(keptWeightsLine).flatMap { manifest.contains($0) ? nil : $0 }
        guard !overrides.isEmpty || !baseFiles.isEmpty || keptLine != nil else { return manifest }
        var text = ""
        if !overrides.isEmpty {
            text += overridesHeader + "\n"
            text += overrides.map { overridePrefix + $0 + "\n" }.joined()
        }
        text += manifest
        if !baseFiles.isEmpty {
            if !text.hasSuffix("\n") { text += "\n" }
            text += basesHeaderPrefix + path + "):\n"
            for file in baseFiles {
                text += baseFilePrefix + file.path + baseFileSuffix + "\n"
                var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last == "" { lines.removeLast() }
                text += lines.map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined()
            }
        }
        if let keptLine {
            if !text.hasSuffix("\n") { text += "\n" }
            text += keptLine + "\n"
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

extension RecordedManifest {
    /// The files a recorded manifest extends, as recorded after it (by the path they were read
    /// from), and the path the manifest itself was read as; nil when it records none.
    static func bases(in text: String) -> (manifestPath: String, files: [String: String])? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix(basesHeaderPrefix) && $0.hasSuffix("):") }) else { return nil }
        let manifestPath = String(lines[header].dropFirst(basesHeaderPrefix.count).dropLast(2))
        var files: [String: [Substring]] = [:]
        var current: String?
        for line in lines[(header + 1)...] {
            if line.hasPrefix(baseFilePrefix), line.hasSuffix(baseFileSuffix) {
                let name = String(line.dropFirst(baseFilePrefix.count).dropLast(baseFileSuffix.count))
                current = name
                files[name] = []
            } else if let name = current, line == "#" || line.hasPrefix("# ") {
                files[name]?.append(line.dropFirst(line == "#" ? 1 : 2))
            }
        }
        return (manifestPath, files.mapValues { $0.joined(separator: "\n") + "\n" })
    }
}
