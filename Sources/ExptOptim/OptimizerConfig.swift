import ExptConfig

/// An optimizer and its hyperparameters, as a manifest declares it. A value: one config can
/// make any number of independent optimizers (one per parameter range, say).
///
/// Encoded as `{"<name>": {"_0": {<hyperparameters>}}}`, the form the stored runs' config.json
/// (and so their run ids) were written in.
public struct OptimizerConfig: StoredKindValue, Sendable {
    /// The hyperparameters of whichever optimizer this is; their type is the optimizer's kind.
    public let settings: any OptimizerKind

    public init(_ settings: any OptimizerKind) {
        self.settings = settings
    }

    /// The base learning rate.
    public var learningRate: Double {
        settings.lr
    }

    /// The optimizer as a report names it: its name, or a chain with its transformations
    /// (`chain [scale_by_adam, scale_by_learning_rate]`), which its hyperparameters (`lr`) do not tell.
    public var label: String {
        (settings as? ChainSettings).map { "\(name) \($0.chainText)" } ?? name
    }

    /// Every hyperparameter by its report name, in a fixed order, formatted for reports.
    public var hyperparameters: [(name: String, value: String)] {
        settings.listed
    }

    /// The same optimizer's hyperparameters at their defaults, listed as `hyperparameters` is.
    public var defaultHyperparameters: [(name: String, value: String)] {
        type(of: settings).init().listed
    }

    /// A fresh single-precision optimizer, with zeroed state, for the tensors of `layout`.
    public func makeOptimizer(layout: ParameterLayout) -> any Optimizer {
        settings.makeOptimizer(of: Float.self, layout: layout)
    }

    /// A fresh single-precision optimizer, with zeroed state, for `parameterCount` parameters
    /// seen as one vector.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        makeOptimizer(layout: .vector(parameterCount))
    }

    /// A fresh optimizer of `Scalar` parameters (`Double` for the 2D test functions), seen as one vector.
    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of type: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        settings.makeOptimizer(of: type, layout: .vector(parameterCount))
    }

    /// The kinds a stored config may hold: every optimizer a manifest names, and a chain
    /// (written `chain:`, not a name, so not in ``OptimizerRegistry``).
    public static var kinds: [any KindSettings.Type] { OptimizerRegistry.kinds + [ChainSettings.self] }
    public static var family: String { "optimizer" }
    public var storedSettings: any KindSettings { settings }
}
