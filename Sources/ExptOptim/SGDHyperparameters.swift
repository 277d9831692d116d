/// The hyperparameters of stochastic gradient descent, named and defaulted as in `torch.optim.SGD`.
public struct SGDHyperparameters: Sendable, Equatable, Codable {
    /// Learning rate. Default 0.001, as torch.optim.SGD.
    public var lr: Double = 0.001
    /// Momentum factor. Default 0 (no momentum).
    public var momentum: Double = 0
    /// Dampening for momentum. Default 0.
    public var dampening: Double = 0
    /// Nesterov momentum; needs momentum > 0 and dampening 0. Default false.
    public var nesterov: Bool = false
    /// L2 penalty added to the gradient (coupled weight decay). Default 0.
    public var weightDecay: Double = 0

    public init(lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) {
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("momentum", "\(momentum)"), ("dampening", "\(dampening)"),
         ("nesterov", "\(nesterov)"), ("weight_decay", "\(weightDecay)")]
    }
}
