import ExptManifest

/// An `expect:` assertion checked against the results: the value of each side and whether
/// it holds.
public struct ExpectationResult: Sendable, Equatable {
    public let expectation: Expectation
    /// The left side's value: the mean over the variant's completed seeds (at its chosen sweep
    /// point) of the metric's final value; nil when no completed run recorded it.
    public let left: Double?
    /// The right side's value: the number, or the mean as for `left`.
    public let right: Double?

    /// Whether the assertion holds; an assertion with a side that has no value fails.
    public var passed: Bool {
        guard let left, let right else { return false }
        return expectation.relation.holds(left, right)
    }

    /// Each of `expectations` checked against `results`.
    static func check(_ expectations: [Expectation], against results: [VariantResult]) -> [ExpectationResult] {
        func value(_ operand: Expectation.Operand) -> Double? {
            guard let result = results.first(where: { $0.name == operand.variant }) else { return nil }
            let spread: Spread? = switch operand.metric {
            case .trainLoss: result.final(.trainLoss)
            case .validationLoss: result.final(.validationLoss)
            case .validationAccuracy: result.final(.validationAccuracy)
            case .trainEvaluationLoss: result.final(.trainEvaluationLoss)
            case .trainAccuracy: result.final(.trainAccuracy)
            case .testLoss: result.test(.loss)
            case .testAccuracy: result.test(.accuracy)
            }
            return spread.map(\.mean)
        }
        return expectations.map { expectation in
            let right: Double? = switch expectation.right {
            case .number(let number): number
            case .operand(let operand): value(operand)
            }
            return ExpectationResult(expectation: expectation, left: value(expectation.left), right: right)
        }
    }

    /// The report's line: `- **passed** `adam.val_accuracy > sgd.val_accuracy`: 0.9200 > 0.7750`.
    var markdownLine: String {
        let verdict = passed ? "**passed**" : "**FAILED**"
        func shown(_ value: Double?) -> String { value.map { Markdown.metric($0, plusMinus: nil) } ?? "no value" }
        let rightShown: String = switch expectation.right {
        case .number(let number): "\(number)"
        case .operand: shown(right)
        }
        return "- \(verdict) \(Markdown.code(expectation.description)): \(shown(left)) \(expectation.relation.rawValue) \(rightShown)\n"
    }
}
