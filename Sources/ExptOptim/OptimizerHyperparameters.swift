/// The hyperparameters of one optimizer, named and defaulted as in `torch.optim`: what
/// `OptimizerConfig` holds for each case. `init()` gives the defaults.
public protocol OptimizerHyperparameters: Sendable, Equatable, Codable {
    /// The optimizer's name in manifests and reports (`sgd`, `adamw`, …).
    static var optimizerName: String { get }
    /// Every hyperparameter at its default.
    init()
    /// The base learning rate.
    var lr: Double { get }
    /// Every hyperparameter by its manifest name, in a fixed order, formatted for reports
    /// (a pair such as `betas` as two entries, `beta1` and `beta2`).
    var listed: [(name: String, value: String)] { get }
    /// A fresh optimizer, with zeroed state, for `parameterCount` parameters of type `Scalar`.
    func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar>
}
