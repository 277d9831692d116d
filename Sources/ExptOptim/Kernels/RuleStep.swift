/// What every rule's kernel reads and writes the same way in one step: the parameters (updated
/// in place), the gradients (only read), and how the weight decay applies (see `RuleKernel`).
struct RuleStep<Scalar: BinaryFloatingPoint> {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let weightDecay: WeightDecayMode<Scalar>
}

extension RuleStep {
    /// The step over `parameters` and `gradients` (of the same count) with weight decay
    /// `weightDecay`, decoupled or not, at learning rate `learningRate`.
    init(_ parameters: UnsafeMutableBufferPointer<Scalar>, _ gradients: UnsafeBufferPointer<Scalar>,
         weightDecay: Double, decoupled: Bool, learningRate: Double) {
        self.init(parameters: parameters.rawStart, gradients: gradients.rawStart,
                  weightDecay: WeightDecayMode(weightDecay: weightDecay, decoupled: decoupled, learningRate: learningRate))
    }

    /// The step of a rule that always adds `coupledDecay` to the gradient.
    init(_ parameters: UnsafeMutableBufferPointer<Scalar>, _ gradients: UnsafeBufferPointer<Scalar>, coupledDecay: Double) {
        self.init(parameters: parameters.rawStart, gradients: gradients.rawStart, weightDecay: WeightDecayMode(coupled: coupledDecay))
    }
}
