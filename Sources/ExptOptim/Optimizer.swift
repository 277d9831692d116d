/// An update rule applied in place to a flat parameter buffer.
///
/// An optimizer owns its state (momentum, moments, step count), allocated once for the
/// parameter count it was made for; `step` reads the gradient and writes the parameters,
/// allocating nothing. The learning rate is passed in at every step, so that a schedule
/// (owned by the executor) can change it; the hyperparameter `lr` is the base rate.
public protocol Optimizer: AnyObject {
    /// Applies one update: `parameters` are changed in place, `gradients` only read.
    /// Both have the count the optimizer was made for.
    func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float)
}
