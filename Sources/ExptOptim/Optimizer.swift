/// An update rule applied in place to a flat buffer of parameters of type `Scalar`.
///
/// An optimizer owns its state (momentum, moments, step count), allocated once for the
/// parameter count it was made for; `step` reads the gradient and writes the parameters,
/// allocating nothing. The learning rate is passed in at every step, so that a schedule
/// (owned by the executor) can change it; the hyperparameter `lr` is the base rate.
///
/// Each rule is written once, generic over the scalar: `Float` for networks, `Double` for the
/// 2D test functions. Every `step` is specialised for both (`@_specialize`), so a call through
/// `any ParameterOptimizer<Float>` runs code compiled for `Float`.
public protocol ParameterOptimizer<Scalar>: AnyObject {
    associatedtype Scalar: BinaryFloatingPoint
    /// Applies one update: `parameters` are changed in place, `gradients` only read.
    /// Both have the count the optimizer was made for.
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Scalar)
}

/// An optimizer of single-precision parameters, as the network executor uses.
public typealias Optimizer = ParameterOptimizer<Float>
