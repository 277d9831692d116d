/// Where every line of a text starts and ends, found in one pass over the text, so that a line
/// is found in constant time however many are looked up. Lines end at `\n`, `\r\n` or `\r`, as
/// in YAML; a last line without a break counts only when it is not empty.
public struct LineIndex: Sendable {
    private let scalars: String.UnicodeScalarView
    /// The scalar range of each line, without its break; line n is `lines[n − 1]`.
    private var lines: [Range<String.UnicodeScalarView.Index>] = []

    public init(_ text: String) {
        scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(start..<index)
            var next = scalars.index(after: index)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                next = scalars.index(after: next)
            }
            start = next
            index = next
        }
        if start < scalars.endIndex { lines.append(start..<scalars.endIndex) }
    }

    /// How many lines the text has.
    public var count: Int { lines.count }

    /// The `number`th line (1-based), without its line break; nil if there is none.
    public func line(_ number: Int) -> String? {
        guard lines.indices.contains(number - 1) else { return nil }
        return String(scalars[lines[number - 1]])
    }
}
