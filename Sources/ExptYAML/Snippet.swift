/// Renders a source line with a caret under one of its columns, as compilers do.
public enum Snippet {
    /// The longest source line shown whole; a longer one is cut to this many scalars around the
    /// column, with `...` where it was cut.
    public static let maximumWidth = 120

    /// The line, then a line with `^` under `column` (1-based, in Unicode scalars). Tabs before
    /// the column are repeated in the caret line so the caret lines up however tabs are shown.
    /// Reads the line only up to the end of what it shows (its length, when it is long and the
    /// column is near its end).
    public static func render(line: String, column: Int) -> String {
        let caretIndex = max(column - 1, 0)
        let (shownScalars, start, cutAtEnd) = window(of: line.unicodeScalars, around: caretIndex)
        var padding = start > 0 ? "   " : ""
        var index = 0
        for scalar in shownScalars where index < caretIndex - start {
            padding.append(scalar == "\t" ? "\t" : " ")
            index += 1
        }
        let shownCount = shownScalars.count
        if caretIndex - start > shownCount { padding += String(repeating: " ", count: caretIndex - start - shownCount) }
        var shown = start > 0 ? "..." : ""
        shown.unicodeScalars.append(contentsOf: shownScalars)
        return shown + (cutAtEnd ? "..." : "") + "\n" + padding + "^"
    }

    /// The at most ``maximumWidth`` scalars of `scalars` shown around `caretIndex`: from
    /// `caretIndex − maximumWidth/2`, moved back so that the window is full when it would pass
    /// the end; with the index of its first scalar, and whether scalars follow it.
    private static func window(of scalars: String.UnicodeScalarView, around caretIndex: Int)
        -> (String.UnicodeScalarView.SubSequence, start: Int, cutAtEnd: Bool) {
        var start = max(caretIndex - maximumWidth / 2, 0)
        guard let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex) else {
            // The window starts past the end: the line is shorter than `start`; count it.
            start = max(scalars.count - maximumWidth, 0)
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            return (scalars[from...], start, false)
        }
        if let end = scalars.index(from, offsetBy: maximumWidth, limitedBy: scalars.endIndex) {
            return (scalars[from..<end], start, end < scalars.endIndex)
        }
        // Fewer than `maximumWidth` scalars follow: the window ends at the line's end.
        let following = scalars.distance(from: from, to: scalars.endIndex)
        let back = min(maximumWidth - following, start)
        start -= back
        return (scalars[scalars.index(from, offsetBy: -back)...], start, false)
    }

    /// The `number`th line (1-based) of `text`, without its line break; nil if there is none.
    /// Lines end at `\n`, `\r\n` or `\r`, as in YAML. To look up many lines of one text, build
    /// one ``LineIndex`` instead: this reads the whole text.
    public static func line(_ number: Int, of text: String) -> String? {
        LineIndex(text).line(number)
    }
}
