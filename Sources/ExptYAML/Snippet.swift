/// Renders a source line with a caret under one of its columns, as compilers do.
public enum Snippet {
    /// The longest source line shown whole; a longer one is cut to this many scalars around the
    /// column, with `...` where it was cut.
    public static let maximumWidth = 120

    /// The line, then a line with `^` under `column` (1-based, in Unicode scalars). Tabs before
    /// the column are repeated in the caret line so the caret lines up however tabs are shown.
    public static func render(line: String, column: Int) -> String {
        var scalars = Array(line.unicodeScalars)
        var caretIndex = max(column - 1, 0)
        var head = "", tail = ""
        if scalars.count > maximumWidth {
            let start = min(max(caretIndex - maximumWidth / 2, 0), scalars.count - maximumWidth)
            let end = start + maximumWidth
            if start > 0 { head = "..." }
            if end < scalars.count { tail = "..." }
            scalars = Array(scalars[start..<end])
            caretIndex -= start
        }
        var padding = head.isEmpty ? "" : "   "
        for scalar in scalars.prefix(caretIndex) {
            padding.append(scalar == "\t" ? "\t" : " ")
        }
        if caretIndex > scalars.count { padding += String(repeating: " ", count: caretIndex - scalars.count) }
        var shown = head
        shown.unicodeScalars.append(contentsOf: scalars)
        return shown + tail + "\n" + padding + "^"
    }

    /// The `number`th line (1-based) of `text`, without its line break; nil if there is none.
    /// Lines end at `\n`, `\r\n` or `\r`, as in YAML. To look up many lines of one text, build
    /// one ``LineIndex`` instead: this reads the whole text.
    public static func line(_ number: Int, of text: String) -> String? {
        LineIndex(text).line(number)
    }
}
