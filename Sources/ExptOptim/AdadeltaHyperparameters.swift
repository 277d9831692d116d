/// The hyperparameters of Adadelta, named and defaulted as in `torch.optim.Adadelta`.
public struct AdadeltaHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "adadelta"

    /// Scales the step (the paper has none, so torch's default is 1.0).
    public var lr: Double = 1.0
    /// Decay rate of the running averages of squared gradients and squared steps. Default 0.9.
    public var rho: Double = 0.9
    /// Added inside both square roots. Default 1e-6.
    public var eps: Double = 1e-6
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0) {
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("rho", "\(rho)"), ("eps", "\(eps)"), ("weight_decay", "\(weightDecay)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        Adadelta<Scalar>(self, parameterCount: parameterCount)
    }
}
