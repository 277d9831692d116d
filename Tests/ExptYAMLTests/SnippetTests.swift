import Testing
@testable import ExptYAML

struct SnippetTests {
    @Test func snippetLines() {
        let text = "one\r\ntwo\rthree\nfour"
        #expect(Snippet.line(1, of: text) == "one")
        #expect(Snippet.line(2, of: text) == "two")
        #expect(Snippet.line(3, of: text) == "three")
        #expect(Snippet.line(4, of: text) == "four")
        #expect(Snippet.line(5, of: text) == nil)
        #expect(Snippet.line(0, of: text) == nil)
        #expect(Snippet.render(line: "  lr: fast", column: 7) == "  lr: fast\n      ^")
        #expect(Snippet.render(line: "ab", column: 5) == "ab\n    ^")
    }

    @Test func longLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a", count: 100) + "X" + String(repeating: "b", count: 199)
        let shown = "..." + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "..."
        #expect(Snippet.render(line: line, column: 101) == shown + "\n" + String(repeating: " ", count: 63) + "^")
        // Near either end, the window stops at the end.
        let start = String(repeating: "a", count: 100) + "X" + String(repeating: "b", count: 19) + "..."
        #expect(Snippet.render(line: line, column: 2) == start + "\n ^")
        let end = "..." + String(repeating: "b", count: 120)
        #expect(Snippet.render(line: line, column: 300) == end + "\n" + String(repeating: " ", count: 122) + "^")
    }
}
