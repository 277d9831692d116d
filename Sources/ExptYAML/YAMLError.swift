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
