/// An optimizer as a manifest names it: a settings type whose values are the optimizer's
/// hyperparameters (named and defaulted as in `torch.optim`; `init()` gives the defaults),
/// described by a table, and the update rule it makes. Each optimizer is one such type in one
/// file, listed once in `OptimizerRegistry.kinds`; decoding, the schema, `expt list` and the
/// report read the table instead of naming optimizers.
public protocol OptimizerKind: Sendable, Equatable, Codable {
    /// The name in manifests and reports, in lower case.
    static var name: String { get }
    /// One line for `expt list` and the docs.
    static var summary: String { get }
    /// Every hyperparameter, in the order manifests, `expt list` and reports show them.
    static var settings: [Hyperparameter<Self>] { get }
    /// Every hyperparameter at its default.
    init()
    /// The base learning rate, which the schedule scales: the rule itself takes each step's
    /// rate as an argument.
    var lr: Double { get }
    /// A rule the values must follow across settings (Nesterov momentum needs momentum), or
    /// nil when the values are fine.
    func conflict() -> HyperparameterConflict?
    /// A fresh optimizer, with zeroed state, for `parameterCount` parameters of type `Scalar`.
    func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar>
}

/// Values that break a rule across settings: the key to blame, the keys involved and why.
public struct HyperparameterConflict: Sendable, Equatable {
    /// The setting the error points at.
    public let key: String
    /// The other settings the rule reads.
    public let involving: [String]
    public let message: String

    public init(key: String, involving: [String], message: String) {
        self.key = key
        self.involving = involving
        self.message = message
    }
}

extension OptimizerKind {
    public func conflict() -> HyperparameterConflict? { nil }

    /// Every hyperparameter by its report name, in the table's order, formatted for reports
    /// (a pair such as `betas` as two entries, `beta1` and `beta2`).
    public var listed: [(name: String, value: String)] {
        Self.settings.flatMap { $0.listed(in: self) }
    }

    /// Whether `other` is this kind with the same values.
    func isEqual(to other: any OptimizerKind) -> Bool {
        (other as? Self) == self
    }
}
