import ExptYAML

extension Tree {
    /// The value as one line of flow YAML that reads back to the same value: plain scalars as
    /// written, other scalars double-quoted, `[a, b]`, `{key: value}`.
    var flowText: String {
        switch kind {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return Tree.doubleQuoted(scalar.text) }
            return scalar.tagDescription.map { "\($0) \(scalar.text)" } ?? scalar.text
        case .sequence(let items):
            return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    /// `text` in YAML double quotes, with `"`, `\` and control characters escaped.
    static func doubleQuoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
