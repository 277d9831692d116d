import ExptConfig

/// An optimizer that wraps another, its `base` (SAM, Lookahead): the manifest writes the base
/// like any optimizer under the key `base`, and the stored config nests the base's stored form
/// (`{"sam": {"_0": {"base": {"sgd": {"_0": {…}}}, "rho": 0.05, …}}}`). The wrapper has no
/// learning rate of its own: `lr` is the base's, which the schedule scales, and every step
/// hands the scheduled rate to the base.
public protocol OptimizerWrapper: OptimizerKind {
    /// The wrapped optimizer; nil only in `init()` (a manifest must give it).
    var base: OptimizerConfig? { get set }
}

extension OptimizerWrapper {
    /// The base's learning rate (0 without a base).
    public var lr: Double {
        base?.learningRate ?? 0
    }

    public var evaluatesAgain: Bool {
        base?.settings.evaluatesAgain ?? false
    }

    /// A fresh base optimizer for `layout`; a wrapper is made only once its base is given.
    func makeBase<Scalar: BinaryFloatingPoint>(of type: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        guard let base else { preconditionFailure("\(Self.name) was made without its base optimizer") }
        return base.settings.makeOptimizer(of: type, layout: layout)
    }
}

extension Hyperparameter where Settings: OptimizerWrapper {
    /// `base`: the wrapped optimizer, listed as its name and the hyperparameters that differ
    /// from its defaults (`sgd(lr 0.1, momentum 0.9)`, or `sgd`), or `none` before it is given,
    /// so that a report always shows it beside the wrapper's defaults.
    static var base: Self {
        Self("base", .described(HyperparameterDescription(type: "optimizer", defaultValue: nil) { settings in
            guard let base = settings.base else { return "none" }
            let changed = zip(base.hyperparameters, base.defaultHyperparameters).filter { $0.0.value != $0.1.value }
            return changed.isEmpty ? base.name : base.name + "(" + changed.map { "\($0.0.name) \($0.0.value)" }.joined(separator: ", ") + ")"
        }), "The optimizer wrapped, written as any optimizer; its lr is the run's, which the schedule scales.")
    }
}
