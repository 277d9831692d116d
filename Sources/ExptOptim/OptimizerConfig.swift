/// An optimizer and its hyperparameters, as a manifest declares it.
public enum OptimizerConfig: Sendable, Equatable, Codable {
    case sgd(SGDHyperparameters)
    case adam(AdamHyperparameters)

    /// The name used in manifests and reports.
    public var name: String {
        switch self {
        case .sgd: "sgd"
        case .adam: "adam"
        }
    }

    /// The base learning rate.
    public var learningRate: Double {
        switch self {
        case .sgd(let h): h.lr
        case .adam(let h): h.lr
        }
    }

    /// Every hyperparameter by its manifest name, in a fixed order, formatted for reports.
    public var hyperparameters: [(name: String, value: String)] {
        switch self {
        case .sgd(let h): h.listed
        case .adam(let h): h.listed
        }
    }

    /// A fresh optimizer, with zeroed state, for `parameterCount` parameters.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        switch self {
        case .sgd(let h): SGD(h, parameterCount: parameterCount)
        case .adam(let h): Adam(h, parameterCount: parameterCount)
        }
    }
}
