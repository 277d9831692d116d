import Testing
@testable import ExptYAML

/// Lines found by one index built once, as `Snippet.line` finds them.
struct LineIndexTests {
    @Test func linesEndAtEveryKindOfBreak() {
        let index = LineIndex("one\r\ntwo\rthree\nfour\n\nsix")
        #expect(index.count == 6)
        #expect((0...7).map { index.line($0) } == [nil, "one", "two", "three", "four", "", "six", nil])
    }

    @Test func aFinalBreakStartsNoLine() {
        #expect(LineIndex("a\n").count == 1)
        #expect(LineIndex("").count == 0)
        #expect(LineIndex("\n\n").line(2) == "")
    }

    @Test func theLastOfManyLinesIsFound() {
        let text = (1...100_000).map { "line \($0)" }.joined(separator: "\n")
        let index = LineIndex(text)
        #expect(index.count == 100_000)
        #expect(index.line(100_000) == "line 100000")
        #expect(index.line(50_001) == "line 50001")
    }
}
