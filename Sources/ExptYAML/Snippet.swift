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
