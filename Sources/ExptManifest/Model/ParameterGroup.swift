import ExptOptim

/// Layers trained with their own optimizer, as a torch param_group: `layers` are 0-based
/// indices into the model, each in at most one group; the layers of no group use the run's
/// optimizer.
public struct ParameterGroup: Sendable, Equatable, Codable {
    /// 0-based layer indices, as written.
    public var layers: [Int]
    public var optimizer: OptimizerConfig

    public init(layers: [Int], optimizer: OptimizerConfig) {
        self.layers = layers
        self.optimizer = optimizer
    }
}

extension ParameterGroup: CustomStringConvertible {
    /// `layers 0, 1: sgd (lr 0.05, momentum 0.0, …)`, for reports (a chain with its transformations).
    public var description: String {
        let hyperparameters = optimizer.hyperparameters.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
        return "layer\(layers.count == 1 ? "" : "s") \(layers.map(String.init).joined(separator: ", ")): \(optimizer.label) (\(hyperparameters))"
    }
}
