/// The hyperparameters of RMSprop, named and defaulted as in `torch.optim.RMSprop`.
public struct RMSpropHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "rmsprop"

    /// Learning rate. Default 0.01.
    public var lr: Double = 0.01
    /// Decay rate of the mean square of the gradient. Default 0.99.
    public var alpha: Double = 0.99
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0
    /// Momentum factor of the buffer of scaled gradients. Default 0.
    public var momentum: Double = 0
    /// Divide by the standard deviation (mean square minus squared mean) instead of the root mean square. Default false.
    public var centered: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false) {
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("alpha", "\(alpha)"), ("eps", "\(eps)"), ("weight_decay", "\(weightDecay)"),
         ("momentum", "\(momentum)"), ("centered", "\(centered)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        RMSprop<Scalar>(self, parameterCount: parameterCount)
    }
}
