import ArgumentParser
import Foundation

/// `--set key.path=value`, shared by `run`, `validate` and `plan`.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a setting of the manifest, the value typed by the YAML rules (repeatable).",
        valueName: "key.path=value"))
    var overrides: [String] = []

    /// ` --set 'a=b'` for each override, quoted for a POSIX shell, or "" without overrides.
    var commandLine: String {
        overrides.map { " --set " + shellQuoted($0) }.joined()
    }
}

/// `text` as one word of a POSIX shell: as it is when it holds only safe characters,
/// otherwise in single quotes (a single quote inside written as `'\''`).
func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { s in
        s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "-_./=:+,@%".unicodeScalars.contains(s))
    }
    if safe && !text.isEmpty { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
