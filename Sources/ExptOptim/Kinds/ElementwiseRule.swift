import ExptConfig
/// An optimizer whose update is element-wise over the flat parameter buffer, with state arrays
/// as long as the parameters (moments, momentum, accumulators): every built-in one. The rule
/// says how much state it keeps and how one step updates it; `RuleOptimizer` owns the state
/// and counts the steps.
public protocol ElementwiseRule: OptimizerKind {
    /// The lengths of the state arrays for `parameterCount` parameters (0 for an array these
    /// settings do not use, such as AMSGrad's maximum when `amsgrad` is off).
    func stateLengths(parameterCount: Int) -> [Int]
    /// The value every state array starts at.
    var initialState: Double { get }
    /// One step: `state.stepCount` already counts it (the first step is 1), and `rate` is the
    /// step's learning rate, rounded to `Scalar` once as the stored runs were computed.
    func update<Scalar: BinaryFloatingPoint>(_ state: OptimizerState<Scalar>, parameters: UnsafeMutableBufferPointer<Scalar>,
                                             gradients: UnsafeBufferPointer<Scalar>, rate: Double)
}

extension ElementwiseRule {
    public var initialState: Double { 0 }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        RuleOptimizer<Self, Scalar>(self, parameterCount: layout.count)
    }
}
