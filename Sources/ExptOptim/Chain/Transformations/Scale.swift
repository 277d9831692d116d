import ExptConfig

/// `scale`: the update times a positive constant, u ← c u.
public struct Scale: Transformation {
    public static let name = "scale"
    public static let summary = "The update times a constant, c u."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("factor", .number(\.factor, .positive), "The constant c (positive: the step's direction stays the rule's).")]
    }

    public var factor = 1.0

    public init() {}

    public init(factor: Double) {
        self.factor = factor
    }

    public var action: TransformationAction { .scale }

    public func scale(step: StepScalars) -> PendingScale {
        PendingScale(multiplier: factor)
    }
}
