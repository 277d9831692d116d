/// The optimizer an `ElementwiseRule` makes: the rule's settings and its state for one
/// parameter count.
public final class RuleOptimizer<Rule: ElementwiseRule, Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let rule: Rule
    private let state: OptimizerState<Scalar>

    /// Steps taken so far.
    public var stepCount: Int { state.stepCount }

    init(_ rule: Rule, parameterCount: Int) {
        self.rule = rule
        state = OptimizerState(lengths: rule.stateLengths(parameterCount: parameterCount), initialValue: Scalar(rule.initialState))
    }

    /// One step of the rule; an element-wise rule looks at one point, so `reevaluate` is unused.
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
                     reevaluate: Reevaluation?) {
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        state.stepCount += 1
        rule.update(state, parameters: parameters, gradients: gradients, rate: Double(Scalar(learningRate)))
    }

    public func saveState() -> OptimizerSnapshot {
        state.snapshot
    }

    public func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        try state.restore(snapshot)
    }
}
