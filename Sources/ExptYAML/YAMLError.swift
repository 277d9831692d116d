/// A problem that stops a YAML file from being read: a syntax error reported by libyaml, or one
/// of this wrapper's own checks (duplicate keys, several documents, unknown aliases, limits).
///
/// Its description reads like a compiler's:
/// ```
/// run.yaml:3:7: error: mapping values are not allowed in this context
///   lr: a: b
///        ^
/// ```
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the text came from, as given to the parser (only used in messages).
    public var path: String
    /// Where the problem is.
    public var mark: Mark
    /// What is wrong, without position or severity.
    public var message: String
    /// The source line at `mark`, for the snippet; nil when the mark is past the end of the text.
    public var sourceLine: String?

    public init(path: String, mark: Mark, message: String, sourceLine: String?) {
        self.path = path
        self.mark = mark
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message`, then the source line with a caret under the column.
    public var description: String {
        var text = "\(path):\(mark.line):\(mark.column): error: \(message)"
        if let sourceLine {
            text += "\n" + Snippet.render(line: sourceLine, column: mark.column)
        }
        return text
    }
}

/// Renders a source line with a caret under one of its columns, as compilers do.
public enum Snippet {
    /// The line, then a line with `^` under `column` (1-based, in Unicode scalars). Tabs before
    /// the column are repeated in the caret line so the caret lines up however tabs are shown.
    public static func render(line: String, column: Int) -> String {
        var padding = ""
        for scalar in line.unicodeScalars.prefix(max(column - 1, 0)) {
            padding.append(scalar == "\t" ? "\t" : " ")
        }
        let missing = max(column - 1, 0) - line.unicodeScalars.count
        if missing > 0 { padding += String(repeating: " ", count: missing) }
        return line + "\n" + padding + "^"
    }

    /// The `number`th line (1-based) of `text`, without its line break; nil if there is none.
    /// Lines end at `\n`, `\r\n` or `\r`, as in YAML.
    public static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.unicodeScalars.startIndex
        var index = start
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                if current == number { return String(scalars[start..<index]) }
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                }
                current += 1
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        if current == number && start < scalars.endIndex { return String(scalars[start...]) }
        return nil
    }
}
