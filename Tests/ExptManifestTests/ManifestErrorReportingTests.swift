import Testing
@testable import ExptManifest

/// How problems are gathered: all at once, in file order, each once, under the key path where
/// the offending value is written.
struct ManifestErrorReportingTests {
    @Test func severalErrorsAreReportedTogetherInFileOrder() throws {
        let text = """
            name: demo
            data: {dataset: spirals, classes: 3, noise: -1}
            model:
              - dense: 0
              - dense: 3
            train: {epochs: 0, batchsize: 8}
            variants:
              a:
                optimizer: {name: sgd, lr: fast}
              b:
                optimizer: {name: adams}
            """
        let error = try #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: text, path: "x.yaml")
        }
        #expect(error.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.keyPath): \($0.message)" } == [
            "2:45 data.noise: expected a non-negative number, found -1",
            "4:12 model[0].dense: expected a positive integer, found 0",
            "6:17 train.epochs: expected a positive integer, found 0",
            "6:20 train.batchsize: unknown key \"batchsize\"; did you mean \"batch_size\"?",
            "9:32 variants.a.optimizer.lr: expected a positive number, found \"fast\"",
            "11:23 variants.b.optimizer.name: unknown optimizer \"adams\"; expected one of: adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd",
        ])
        #expect(error.description == """
            x.yaml:2:45: error: data.noise: expected a non-negative number, found -1
            data: {dataset: spirals, classes: 3, noise: -1}
                                                        ^
            x.yaml:4:12: error: model[0].dense: expected a positive integer, found 0
              - dense: 0
                       ^
            x.yaml:6:17: error: train.epochs: expected a positive integer, found 0
            train: {epochs: 0, batchsize: 8}
                            ^
            x.yaml:6:20: error: train.batchsize: unknown key "batchsize"; did you mean "batch_size"?
            train: {epochs: 0, batchsize: 8}
                               ^
            x.yaml:9:32: error: variants.a.optimizer.lr: expected a positive number, found "fast"
                optimizer: {name: sgd, lr: fast}
                                           ^
            x.yaml:11:23: error: variants.b.optimizer.name: unknown optimizer "adams"; expected one of: adabelief, adadelta, adafactor, adagrad, adam, adamax, adamw, asgd, lamb, lars, lbfgs, lion, lookahead, muon, nadam, radam, rmsprop, rprop, sam, schedule_free_adamw, schedule_free_sgd, sgd
                optimizer: {name: adams}
                                  ^
            """)
    }

    @Test func aTopLevelMistakeIsReportedOnceNotOncePerVariant() {
        let text = edit(baseManifest, "lr: 0.1", "lr: 0.1, momentum: -2") + "\n  third: {}\n  fourth: {optimizer: {lr: 0.5}}"
        #expect(errorText(text) == """
            x.yaml:11:43: error: optimizer.momentum: expected a non-negative number, found -2
            optimizer: {name: sgd, lr: 0.1, momentum: -2}
                                                      ^
            """)
    }

    @Test func aTopLevelMistakeIsReportedEvenWhenEveryVariantReplacesIt() {
        let text = edit(edit(baseManifest, "lr: 0.1", "lr: 0"), "  sgd: {}", "  sgd: {optimizer: adam}")
        #expect(errorText(text) == """
            x.yaml:11:28: error: optimizer.lr: expected a positive number, found 0
            optimizer: {name: sgd, lr: 0}
                                       ^
            """)
    }

    @Test func aMistakeInAnAliasedValueIsReportedWhereItIsWritten() {
        let text = edit(edit(baseManifest, "train:\n  epochs: 10", "train: &t\n  epochs: 10\n  threads: 0"),
                        "  sgd: {}", "  sgd: {train: *t}")
        #expect(errorText(text) == """
            x.yaml:11:12: error: train.threads: expected a positive integer, found 0
              threads: 0
                       ^
            """)
    }

    @Test func aConflictBetweenTopLevelAndVariantValuesNamesTheVariant() {
        let text = edit(edit(baseManifest, "lr: 0.1", "lr: 0.1, momentum: 0.9, nesterov: true"),
                        "  sgd: {}", "  sgd: {optimizer: {momentum: 0}}\n  damped: {optimizer: {dampening: 0.5}}")
        #expect(errorText(text) == """
            x.yaml:11:58: error: optimizer.nesterov: nesterov needs momentum > 0 and dampening = 0 (in variant "sgd")
            optimizer: {name: sgd, lr: 0.1, momentum: 0.9, nesterov: true}
                                                                     ^
            x.yaml:11:58: error: optimizer.nesterov: nesterov needs momentum > 0 and dampening = 0 (in variant "damped")
            optimizer: {name: sgd, lr: 0.1, momentum: 0.9, nesterov: true}
                                                                     ^
            """)
    }

    @Test func missingTopLevelSectionsAreReportedOnce() {
        #expect(errorText("name: x\nvariants: {a: {optimizer: sgd}, b: {optimizer: adam}}\n") == """
            x.yaml:1:1: error: missing required key "data"
            name: x
            ^
            x.yaml:1:1: error: missing required key "model"
            name: x
            ^
            x.yaml:1:1: error: missing required key "train"
            name: x
            ^
            """)
    }

    @Test func modelSizeIsBounded() {
        let text = edit(edit(baseManifest, "dense: 16", "dense: 100000"), "  sgd: {}", "  sgd: {data: {dataset: blobs, features: 1000}}")
        #expect(errorText(text) == """
            x.yaml:6:3: error: model: expected a model of at most 50000000 parameters, found 100400003 with the 1000 inputs of dataset blobs (in variant "sgd")
              - dense: 100000
              ^
            """)
        let huge = edit(baseManifest, "  - dense: 3", "  - dense: 100000\n" + String(repeating: "  - dense: 100000\n", count: 3) + "  - dense: 3")
        #expect(errorText(huge) == """
            x.yaml:6:3: error: model: expected a model of at most 50000000 parameters, found 30002300051 with the 2 inputs of dataset spirals
              - dense: 16
              ^
            """)
    }

    @Test func diagnosticFields() throws {
        let error = try #require(throws: ManifestError.self) {
            try ManifestLoader.decode(text: edit(baseManifest, "epochs: 10", "epochs: x"), path: "dir/x.yaml")
        }
        #expect(error.diagnostics == [Diagnostic(
            path: "dir/x.yaml", line: 10, column: 11, keyPath: "train.epochs",
            message: "expected a positive integer, found \"x\"", sourceLine: "  epochs: x")])
    }

    /// Each line of the full manifest with its value replaced by each hostile value: decoding
    /// never traps, and gives exactly the outcome recorded in `Fixtures/hostile-values.txt`
    /// (`ok`, or every diagnostic as `line:column key.path: message`). The file was written once
    /// from expt's answers and read through by hand; a change of wording shows up in its diff.
    /// Every prefix of the manifest is `HostileInputTests.everyPrefixOfAManifest`'s.
    @Test func everyHostileValueOnEveryLineHasItsRecordedOutcome() throws {
        let hostile = ["99999999999999999999", "-99999999999999999999", "-9223372036854775808", "9223372036854775807",
                       ".nan", "-.inf", "1e400", "0x7FFFFFFFFFFFFFFF", "''", "[]", "{}", "[[[]]]", "~", "-1", "0", "full"]
        let lines = ManifestDecodingTests.fullText.split(separator: "\n", omittingEmptySubsequences: false)
        var outcomes: [String] = []
        for (index, line) in lines.enumerated() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            for value in hostile {
                var changed = lines
                changed[index] = line[...colon] + " " + value
                outcomes.append("\(changed[index])")
                do {
                    _ = try ManifestLoader.decode(text: changed.joined(separator: "\n"), path: "x.yaml")
                    outcomes.append("    ok")
                } catch let error as ManifestError {
                    outcomes += error.diagnostics.map { "    \($0.line ?? 0):\($0.column ?? 0) \($0.keyPath): \($0.message)" }
                }
            }
        }
        let recorded = try String(contentsOfFile: ManifestDecodingTests.fixtures + "/hostile-values.txt", encoding: .utf8)
        let expected = recorded.split(separator: "\n").map(String.init)
        #expect(outcomes.count == expected.count)
        for (actual, expected) in zip(outcomes, expected) where actual != expected {
            Issue.record("\(actual)\nexpected\n\(expected)")
            break
        }
    }
}
