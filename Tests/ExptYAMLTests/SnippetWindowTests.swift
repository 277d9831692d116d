import Testing
@testable import ExptYAML

/// The window of a long line around a column, at its edges.
struct SnippetWindowTests {
    /// Past the end of a long line: the last 120 scalars, and the caret where the column is.
    @Test func aColumnPastTheEndOfALongLine() {
        let line = String(repeating: "a", count: 100) + "X" + String(repeating: "b", count: 199)
        let expected = "..." + String(repeating: "b", count: 120) + "\n" + String(repeating: " ", count: 222) + "^"
        #expect(Snippet.render(line: line, column: 400) == expected)
    }

    @Test func aLineOfExactly120ScalarsIsShownWhole() {
        let line = String(repeating: "a", count: 120)
        #expect(Snippet.render(line: line, column: 1) == line + "\n^")
        #expect(Snippet.render(line: line, column: 121) == line + "\n" + String(repeating: " ", count: 120) + "^")
    }

    /// Columns count scalars, not bytes: 200 two-byte scalars, column 150 near the end.
    @Test func scalarsOfTwoBytes() {
        let line = String(repeating: "é", count: 200)
        let expected = "..." + String(repeating: "é", count: 120) + "\n" + String(repeating: " ", count: 72) + "^"
        #expect(Snippet.render(line: line, column: 150) == expected)
    }
}
