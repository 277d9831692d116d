/// An update rule applied in place to a flat buffer of parameters of type `Scalar`.
///
/// An optimizer owns its state (momentum, moments, step count), allocated once for the
/// parameter count it was made for; `step` reads the gradient and writes the parameters,
/// allocating nothing. The step's learning rate comes from the schedule (owned by the
/// executor) as an argument, in `Double` like every hyperparameter, until the rule forms its
/// scalar factors.
///
/// Each rule is written once, generic over the scalar: `Float` for networks, `Double` for the
/// 2D test functions.
public protocol ParameterOptimizer<Scalar>: AnyObject {
    associatedtype Scalar: BinaryFloatingPoint
    /// Applies one update: `parameters` are changed in place, `gradients` only read.
    /// Both have the count the optimizer was made for.
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double)
}

/// An optimizer of single-precision parameters, as the network executor uses.
public typealias Optimizer = ParameterOptimizer<Float>
