/// An optimizer and its hyperparameters, as a manifest declares it. A value: one config can
/// make any number of independent optimizers (one per parameter range, say).
public enum OptimizerConfig: Sendable, Equatable, Codable {
    case sgd(SGDHyperparameters)
    case adam(AdamHyperparameters)
    case adamw(AdamWHyperparameters)
    case adagrad(AdagradHyperparameters)
    case rmsprop(RMSpropHyperparameters)
    case adadelta(AdadeltaHyperparameters)
    case nadam(NAdamHyperparameters)
    case radam(RAdamHyperparameters)
    case adamax(AdamaxHyperparameters)
    case lion(LionHyperparameters)

    /// The hyperparameters of whichever optimizer this is.
    public var settings: any OptimizerHyperparameters {
        switch self {
        case .sgd(let h): h
        case .adam(let h): h
        case .adamw(let h): h
        case .adagrad(let h): h
        case .rmsprop(let h): h
        case .adadelta(let h): h
        case .nadam(let h): h
        case .radam(let h): h
        case .adamax(let h): h
        case .lion(let h): h
        }
    }

    /// The name used in manifests and reports.
    public var name: String {
        type(of: settings).optimizerName
    }

    /// The base learning rate.
    public var learningRate: Double {
        settings.lr
    }

    /// Every hyperparameter by its manifest name, in a fixed order, formatted for reports.
    public var hyperparameters: [(name: String, value: String)] {
        settings.listed
    }

    /// The same optimizer's hyperparameters at their defaults, listed as `hyperparameters` is.
    public var defaultHyperparameters: [(name: String, value: String)] {
        type(of: settings).init().listed
    }

    /// A fresh single-precision optimizer, with zeroed state, for `parameterCount` parameters.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        settings.makeOptimizer(of: Float.self, parameterCount: parameterCount)
    }

    /// A fresh optimizer of `Scalar` parameters (`Double` for the 2D test functions).
    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of type: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        settings.makeOptimizer(of: type, parameterCount: parameterCount)
    }
}
