import Testing
@testable import ExptManifest

/// `expect:` and the additions to `compare` (`target`, `selection`): decoding, and every error
/// word for word. Each case appends lines after the last line (15) of ``baseManifest``.
struct ManifestExpectTests {
    static let anchor = "optimizer: {name: adam, lr: 0.01}"
    static let form = #""variant.metric > variant.metric" or "variant.metric < number" (with >, >=, < or <=)"#

    static func appending(_ lines: String) -> String {
        edit(baseManifest, anchor, anchor + "\n" + lines)
    }

    static let cases: [ErrorCase] = [
        ErrorCase("unknown variant", text: appending("expect:\n  - adamm.val_accuracy > sgd.val_accuracy"), #"""
            x.yaml:17:5: error: expect[0]: unknown variant "adamm"; expected one of: adam, sgd
              - adamm.val_accuracy > sgd.val_accuracy
                ^
            """#),
        ErrorCase("unknown metric on the right", text: appending("expect:\n  - adam.val_accuracy > sgd.val_acc"), #"""
            x.yaml:17:29: error: expect[0]: unknown metric "val_acc"; expected one of: test_accuracy, test_loss, train_accuracy, train_eval_loss, train_loss, val_accuracy, val_loss
              - adam.val_accuracy > sgd.val_acc
                                        ^
            """#),
        ErrorCase("unknown variant and metric together", text: appending("expect:\n  - adamm.accuracy >= 0.5"), #"""
            x.yaml:17:5: error: expect[0]: unknown variant "adamm"; expected one of: adam, sgd
              - adamm.accuracy >= 0.5
                ^
            x.yaml:17:11: error: expect[0]: unknown metric "accuracy"; expected one of: test_accuracy, test_loss, train_accuracy, train_eval_loss, train_loss, val_accuracy, val_loss
              - adamm.accuracy >= 0.5
                      ^
            """#),
        ErrorCase("no relation", text: appending("expect:\n  - adam.val_accuracy == 0.9"), """
            x.yaml:17:5: error: expect[0]: expected an expectation of the form \(form), found "adam.val_accuracy == 0.9"
              - adam.val_accuracy == 0.9
                ^
            """),
        ErrorCase("a side without a metric", text: appending("expect:\n  - adam.val_loss < sgd"), #"""
            x.yaml:17:21: error: expect[0]: expected variant.metric, found "sgd"
              - adam.val_loss < sgd
                                ^
            """#),
        ErrorCase("a number instead of an assertion", text: appending("expect:\n  - 3"), """
            x.yaml:17:5: error: expect[0]: expected an expectation of the form \(form), found 3
              - 3
                ^
            """),
        ErrorCase("test metric without a test set", text: appending("expect:\n  - adam.test_loss < 0.5"), #"""
            x.yaml:17:10: error: expect[0]: variant "adam" has no test set for test_loss; set data.test or use a dataset with its own test set
              - adam.test_loss < 0.5
                     ^
            """#),
        ErrorCase("a quoted assertion points inside the quotes", text: appending("expect:\n  - \"adam.val_loss < sgdd.val_loss\""), #"""
            x.yaml:17:22: error: expect[0]: unknown variant "sgdd"; expected one of: adam, sgd
              - "adam.val_loss < sgdd.val_loss"
                                 ^
            """#),
        ErrorCase("a mapping", text: appending("expect: {adam: 1}"), """
            x.yaml:16:9: error: expect: expected a sequence of expectations, found a mapping
            expect: {adam: 1}
                    ^
            """),
        ErrorCase("compare target and selection", text: appending("compare: {target: high, selection: last}"), #"""
            x.yaml:16:19: error: compare.target: expected a number, found "high"
            compare: {target: high, selection: last}
                              ^
            x.yaml:16:36: error: compare.selection: unknown selection "last"; expected one of: best, final
            compare: {target: high, selection: last}
                                               ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }

    @Test func expectationsAndCompareDecode() throws {
        let text = Self.appending("""
            compare: {metric: val_loss, target: 0.25, selection: best}
            expect:
              - adam.val_loss <= sgd.val_loss
              - sgd.train_loss > 1.0e-3
            """)
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        #expect(experiment.compare == Comparison(metric: .validationLoss, goal: .minimize, target: 0.25, selection: .best))
        #expect(experiment.expectations == [
            Expectation(text: "adam.val_loss <= sgd.val_loss",
                        left: .init(variant: "adam", metric: .validationLoss), relation: .lessOrEqual,
                        right: .operand(.init(variant: "sgd", metric: .validationLoss))),
            Expectation(text: "sgd.train_loss > 1.0e-3",
                        left: .init(variant: "sgd", metric: .trainLoss), relation: .greater, right: .number(0.001)),
        ])
        #expect(experiment.expectations.map(\.description) == ["adam.val_loss <= sgd.val_loss", "sgd.train_loss > 0.001"])
    }

    /// Variant names may hold dots: the metric is what follows the last one.
    @Test func aVariantNameWithADot() throws {
        let text = edit(Self.appending("expect: [adam.v2.val_accuracy > 0.5]"), "  adam:\n", "  adam.v2:\n")
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        #expect(experiment.expectations.map(\.left) == [.init(variant: "adam.v2", metric: .validationAccuracy)])
    }

    @Test func relationsCompare() {
        #expect(Expectation.Relation.greater.holds(2, 1) && !Expectation.Relation.greater.holds(1, 1))
        #expect(Expectation.Relation.greaterOrEqual.holds(1, 1) && !Expectation.Relation.greaterOrEqual.holds(0, 1))
        #expect(Expectation.Relation.less.holds(1, 2) && !Expectation.Relation.less.holds(2, 2))
        #expect(Expectation.Relation.lessOrEqual.holds(2, 2) && !Expectation.Relation.lessOrEqual.holds(.nan, 2))
    }
}
