import Testing
@testable import ExptManifest

/// At most 100 diagnostics are shown, and no message reads more of a long string than it shows.
struct DiagnosticsLimitTests {
    /// `baseManifest` with `count` unknown keys `k0`, `k1`, … in `train`, from line 11 on.
    private func unknownKeys(_ count: Int) -> String {
        edit(baseManifest, "  epochs: 10", "  epochs: 10\n" + (0..<count).map { "  k\($0): 1" }.joined(separator: "\n"))
    }

    @Test func only100DiagnosticsAreShownThenTheRestAreCounted() throws {
        let text = try #require(errorText(unknownKeys(150)))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") }.count == 100)
        #expect(lines.last == "and 50 more errors")
        let hundredth = try #require(lines.last { $0.contains(": error: ") })
        #expect(hundredth.hasPrefix(#"x.yaml:110:3: error: train.k99: unknown key "k99"; expected one of: "#))
    }

    /// Past the first 1,000 problems the decoder only counts: the message of a mistake it will
    /// never show is not worded (the work of validating 240,000 unknown keys is that of 1,000).
    @Test func pastAThousandProblemsTheyAreCountedNotWorded() throws {
        let error = try #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: unknownKeys(1_500), path: "x.yaml")
        }
        #expect(error.diagnostics.count == 1_000)
        #expect(error.unlisted == 500)
        #expect(error.count == 1_500)
        #expect(error.diagnostics.last?.keyPath == "train.k999")
        #expect(error.description.hasSuffix("  k99: 1\n  ^\nand 1400 more errors"))
    }

    @Test func oneMoreErrorIsSingular() throws {
        let text = try #require(errorText(unknownKeys(101)))
        #expect(text.hasSuffix("  k99: 1\n  ^\nand 1 more error"))
    }

    @Test func exactly100ErrorsHaveNoCountLine() throws {
        let text = try #require(errorText(unknownKeys(100)))
        #expect(text.hasSuffix("  k99: 1\n  ^"))
    }

    @Test func aLongStringIsQuotedByItsFirst40Characters() {
        let long = String(repeating: "x", count: 3_500_000)
        #expect(Tree.quote(long) == "\"" + String(repeating: "x", count: 40) + "...\"")
        #expect(Tree.quote(String(repeating: "y", count: 40)) == "\"" + String(repeating: "y", count: 40) + "\"")
    }

    /// A key far longer than every allowed key gets no suggestion and is cut in the message.
    @Test func aLongUnknownKeyIsCut() {
        let key = String(repeating: "l", count: 100_000)
        #expect(Suggestion.unknownKey(key, allowed: ["lr", "momentum"])
                == "unknown key \"" + String(repeating: "l", count: 40) + "...\"; expected one of: lr, momentum")
        #expect(Suggestion.unknownKey("lrr", allowed: ["lr", "momentum"]) == #"unknown key "lrr"; did you mean "lr"?"#)
    }
}
