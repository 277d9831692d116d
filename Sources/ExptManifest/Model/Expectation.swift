/// A CI assertion from the manifest's `expect:` list, such as
/// `adam.val_accuracy > sgd.val_accuracy` or `momentum.val_loss < 0.5`.
///
/// Each side names a variant and a summary metric, whose value is the mean over the variant's
/// completed seeds of the final value (for a swept variant, at its chosen sweep point); the
/// right side may be a number instead.
public struct Expectation: Sendable, Equatable, CustomStringConvertible {
    /// A variant's summary metric: `adam.val_accuracy`.
    public struct Operand: Sendable, Equatable, CustomStringConvertible {
        public var variant: String
        public var metric: ExpectedMetric

        public init(variant: String, metric: ExpectedMetric) {
            self.variant = variant
            self.metric = metric
        }

        public var description: String { "\(variant).\(metric.rawValue)" }
    }

    /// What the left side is compared with.
    public enum Right: Sendable, Equatable, CustomStringConvertible {
        case operand(Operand)
        case number(Double)

        public var description: String {
            switch self {
            case .operand(let operand): operand.description
            case .number(let value): "\(value)"
            }
        }
    }

    /// The comparison between the two sides.
    public enum Relation: String, CaseIterable, Sendable {
        case greater = ">"
        case greaterOrEqual = ">="
        case less = "<"
        case lessOrEqual = "<="

        /// Whether `left relation right` holds; false when either is not a number.
        public func holds(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .greater: left > right
            case .greaterOrEqual: left >= right
            case .less: left < right
            case .lessOrEqual: left <= right
            }
        }
    }

    /// The assertion as written in the manifest.
    public var text: String
    public var left: Operand
    public var relation: Relation
    public var right: Right

    public init(text: String, left: Operand, relation: Relation, right: Right) {
        self.text = text
        self.left = left
        self.relation = relation
        self.right = right
    }

    /// `adam.val_accuracy > sgd.val_accuracy`, normalised (single spaces, numbers as Swift prints them).
    public var description: String { "\(left) \(relation.rawValue) \(right)" }
}

/// The summary metrics an expectation can name: final values of the last epoch, and the
/// final model's test metrics.
public enum ExpectedMetric: String, CaseIterable, Sendable {
    case trainLoss = "train_loss"
    case validationLoss = "val_loss"
    case validationAccuracy = "val_accuracy"
    case testLoss = "test_loss"
    case testAccuracy = "test_accuracy"
    case trainEvaluationLoss = "train_eval_loss"
    case trainAccuracy = "train_accuracy"
}
