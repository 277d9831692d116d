import ExptConfig

/// An optimizer written as a chain of gradient transformations (Optax's `chain`): the update u
/// starts as the gradient, each transformation maps it in order, and the last one,
/// `scale_by_learning_rate`, makes it the step: θ ← θ + u.
///
/// ```yaml
/// optimizer:
///   chain: [clip_by_global_norm: 1.0, scale_by_adam, add_decayed_weights: 0.01, scale_by_learning_rate]
///   lr: 0.001
/// ```
///
/// Every built-in element-wise optimizer is such a chain (``OptimizerKind/chain``), and its chain
/// computes its very numbers: ``ChainProgram`` keeps torch's order of operations.
public struct ChainSettings: OptimizerKind {
    public static let name = "chain"
    public static let summary = "An optimizer written as a chain of gradient transformations (Optax's chain)."
    public static var settings: [Hyperparameter<Self>] { [.learningRate(\.lr)] }
    public static var storedForm: StoredForm { .bare }

    /// Learning rate γ, which `scale_by_learning_rate` applies and the schedule scales. Default 0.001.
    public var lr: Double = 0.001
    /// The transformations, in the order they apply; the last is `scale_by_learning_rate`.
    public var transformations: [TransformationConfig] = [TransformationConfig(ScaleByLearningRate())]

    /// Plain gradient descent at the default rate: the chain `[scale_by_learning_rate]`.
    public init() {}

    public init(_ transformations: [any Transformation], lr: Double = 0.001) {
        self.transformations = transformations.map(TransformationConfig.init)
        self.lr = lr
    }

    /// The chain's rule of form: exactly one `scale_by_learning_rate`, at the end.
    public func conflict() -> HyperparameterConflict? {
        let steps = transformations.indices.filter { transformations[$0].settings.action == .learningRate }
        guard steps != [transformations.count - 1] else { return nil }
        let message = steps.isEmpty
            ? "a chain must end in scale_by_learning_rate (the step); add `- scale_by_learning_rate` at its end"
            : "scale_by_learning_rate must be the chain's last transformation, and only once"
        return HyperparameterConflict(key: "chain", involving: [], message: message)
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        ChainOptimizer<Scalar>(transformations.map(\.settings), layout: layout)
    }

    /// The chain in one line, as `expt list` prints it: `[scale_by_adam, scale_by_learning_rate]`.
    public var chainText: String {
        "[" + transformations.map(\.settings.chainText).joined(separator: ", ") + "]"
    }
}
