import Testing

@testable import ExptStore

@Suite struct SafeNameTests {
    @Test(arguments: [
        ("", "it is empty"),
        (".", "it names a folder itself"),
        ("..", "it names a folder itself"),
        (".hidden", "it starts with \".\""),
        ("../escape", "it starts with \".\""),
        ("a/../../b", "it contains a path separator"),
        ("/etc", "it contains a path separator"),
        ("a\\b", "it contains a path separator"),
        ("bell\u{7}", "it contains a control character"),
        ("nul\u{0}byte", "it contains a control character"),
        ("new\nline", "it contains a control character"),
        (String(repeating: "é", count: 128), "it is longer than 255 bytes"),
    ])
    func unsafeNamesAreRefused(name: String, problem: String) {
        #expect(throws: StoreError("unsafe experiment name \(name.debugDescription): \(problem), so it cannot name a results folder")) {
            try SafeName.check(name, as: "experiment name")
        }
    }

    @Test(arguments: ["adam-vs-sgd", "a.b_c", "x..y", String(repeating: "a", count: 255)])
    func ordinaryNamesPass(name: String) throws {
        try SafeName.check(name, as: "experiment name")
    }

    @Test func theResultsFolderChecksTheExperimentName() {
        #expect(throws: StoreError("unsafe experiment name \"../x\": it starts with \".\", so it cannot name a results folder")) {
            try ResultsFolder(out: "results", experimentName: "../x")
        }
    }
}
