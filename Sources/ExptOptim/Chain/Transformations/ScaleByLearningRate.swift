import ExptConfig

/// `scale_by_learning_rate`: the step, u ← −γ u, with γ the optimizer's `lr` as the schedule
/// scales it. Every chain ends with it.
public struct ScaleByLearningRate: Transformation {
    public static let name = "scale_by_learning_rate"
    public static let summary = "The step: the update times −γ, the scheduled learning rate. Ends every chain."
    public static var settings: [Hyperparameter<Self>] { [] }
    public static var storedForm: StoredForm { .empty }

    public init() {}

    public var action: TransformationAction { .learningRate }
}
