import ExptConfig

/// An optimizer as a manifest names it: a settings type whose values are the optimizer's
/// hyperparameters (named and defaulted as in `torch.optim`; `init()` gives the defaults),
/// described by a table, and the update rule it makes. Each optimizer is one such type in one
/// file, listed once in `OptimizerRegistry.kinds`; decoding, the schema, `expt list` and the
/// report read the table instead of naming optimizers.
public protocol OptimizerKind: KindSettings {
    /// The base learning rate, which the schedule scales: the rule itself takes each step's
    /// rate as an argument.
    var lr: Double { get }
    /// A fresh optimizer, with zeroed state, for parameters of type `Scalar` laid out as
    /// `layout` (an element-wise rule reads only its count; a rule that works per tensor, its
    /// tensors).
    func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar>
    /// The chain of transformations this optimizer equals for these settings, or nil for one
    /// that is no chain (see OptimizerKind+Chain.swift).
    var chain: ChainSettings? { get }
    /// Whether its steps evaluate the loss again (`reevaluate`): such a rule moves every
    /// parameter before it reads the new gradient, so a run with it has no parameter groups.
    /// By default false.
    var evaluatesAgain: Bool { get }
}

extension OptimizerKind {
    public var evaluatesAgain: Bool { false }

    /// A fresh optimizer for `parameterCount` parameters seen as one vector.
    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of type: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        makeOptimizer(of: type, layout: .vector(parameterCount))
    }
}
