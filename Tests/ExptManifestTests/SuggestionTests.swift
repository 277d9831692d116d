import Testing
@testable import ExptManifest

struct SuggestionTests {
    static let optimizerKeys = ["name", "lr", "momentum", "dampening", "nesterov", "weight_decay"]

    @Test(arguments: [
        ("lrr", "lr"), ("l", "lr"), ("LR", "lr"), ("momentun", "momentum"), ("nestrov", "nesterov"),
        ("nesetrov", "nesterov"), ("weight-decay", "weight_decay"), ("weightdecay", "weight_decay"), ("nmae", "name"),
    ])
    func close(word: String, expected: String) {
        #expect(Suggestion.closest(to: word, in: Self.optimizerKeys) == expected)
    }

    @Test(arguments: ["foo", "xy", "learning_rate", "mom", "decay", ""])
    func notClose(word: String) {
        #expect(Suggestion.closest(to: word, in: Self.optimizerKeys) == nil)
    }

    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("ab", "ba", 1), ("abcd", "acbd", 1), ("lr", "lrr", 1),
    ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == expected)
        #expect(Suggestion.editDistance(Array(b), Array(a)) == expected)
    }
}
