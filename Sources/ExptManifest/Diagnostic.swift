import ExptYAML

/// One problem in a manifest, with where it is written.
///
/// Its description reads like a compiler's, the key path first:
/// ```
/// experiments/x.yaml:14:11: error: variants.adam.optimizer.lr: expected a positive number, found "fast"
///       lr: fast
///           ^
/// ```
/// Without a key path (a YAML syntax error) the message follows `error:` directly; without a
/// position (a file that cannot be read) the header is `path: error: message` and there is no
/// snippet.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The manifest's path, as given.
    public var path: String
    /// 1-based line, or nil when the problem is with the file as a whole.
    public var line: Int?
    /// 1-based column in Unicode scalars, or nil with `line`.
    public var column: Int?
    /// Where in the manifest the offending value is written, as `variants.adam.optimizer.lr` or
    /// `model[1].activation`; empty for problems that are not about one key (syntax errors).
    public var keyPath: String
    /// What was expected and what was found.
    public var message: String
    /// The source line at `line`, shown under the header with a caret under `column`.
    public var sourceLine: String?

    public init(path: String, line: Int?, column: Int?, keyPath: String, message: String, sourceLine: String?) {
        self.path = path
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.sourceLine = sourceLine
    }

    public var description: String {
        var text = path
        if let line, let column { text += ":\(line):\(column)" }
        text += ": error: "
        if !keyPath.isEmpty { text += keyPath + ": " }
        text += message
        if let sourceLine, let column {
            text += "\n" + Snippet.render(line: sourceLine, column: column)
        }
        return text
    }
}
