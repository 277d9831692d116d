import Testing
@testable import ExptReport

@Suite struct CSVTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("", ""),
    ])
    func escape(cell: String, expected: String) {
        #expect(CSV.escape(cell) == expected)
    }

    @Test func numbersAreShortestRoundTripAndMissingIsEmpty() {
        #expect(CSV.number(0.1) == "0.1")
        #expect(CSV.number(1e-8) == "1e-08")
        #expect(CSV.number(2.0) == "2.0")
        #expect(CSV.number(Double?.none) == "")
        #expect(CSV.line(["a", "b,c", ""]) == "a,\"b,c\",\n")
    }
}
