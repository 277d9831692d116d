/// An update rule applied in place to a flat buffer of parameters of type `Scalar`.
///
/// An optimizer owns its state (momentum, moments, step count), allocated once for the
/// parameters it was made for; `step` reads the gradient and writes the parameters,
/// allocating nothing. The step's learning rate comes from the schedule (owned by the
/// executor) as an argument, in `Double` like every hyperparameter, until the rule forms its
/// scalar factors.
///
/// Each rule is written once, generic over the scalar: `Float` for networks, `Double` for the
/// 2D test functions.
public protocol ParameterOptimizer<Scalar>: AnyObject {
    associatedtype Scalar: BinaryFloatingPoint
    /// Applies one update: `parameters` are changed in place, `gradients` only read (until
    /// `reevaluate` rewrites them). Both have the count the optimizer was made for.
    ///
    /// `reevaluate`, where the caller can give it, evaluates the training loss again at the
    /// parameters as they are now, on the step's batch: it writes the new gradient into the
    /// memory of `gradients` and returns the loss. Rules that look at more than one point per
    /// step (L-BFGS's line search, SAM's ascent) call it; the others ignore it. Without it, such
    /// a rule takes the step its own documentation names.
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?)
    /// Where the model is evaluated when it is not where the gradients are taken (the averaged
    /// point of schedule-free methods): moves `parameters` there (`toEvaluation` true) or back
    /// to the training point (false). Every validation, test and stored weight is taken between
    /// the two calls. By default the parameters stay where they are.
    func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool)
    /// Everything the optimizer keeps between steps (a checkpoint stores it).
    func saveState() -> OptimizerSnapshot
    /// Puts back a state that ``saveState()`` made on an optimizer of the same settings and
    /// parameter count; the next steps are then those the saved optimizer would have taken.
    /// A snapshot that does not fit throws; the optimizer may then hold part of it, and is not
    /// to be used further.
    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError)
}

/// The loss at the parameters as they are now, on the current step's batch, after writing its
/// gradient (clipped as the run clips) over the step's gradient buffer.
public typealias Reevaluation = () -> Double

extension ParameterOptimizer {
    /// One update with no way to evaluate the loss again.
    public func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double) {
        step(parameters: parameters, gradients: gradients, learningRate: learningRate, reevaluate: nil)
    }

    public func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool) {}
}

/// An optimizer of single-precision parameters, as the network executor uses.
public typealias Optimizer = ParameterOptimizer<Float>
