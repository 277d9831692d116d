/// The hyperparameters of Adamax, named and defaulted as in `torch.optim.Adamax`.
public struct AdamaxHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "adamax"

    /// Learning rate. Default 0.002.
    public var lr: Double = 0.002
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the infinity norm. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to |g| before the maximum. Default 1e-8.
    public var eps: Double = 1e-8
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("beta1", "\(beta1)"), ("beta2", "\(beta2)"), ("eps", "\(eps)"), ("weight_decay", "\(weightDecay)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        Adamax<Scalar>(self, parameterCount: parameterCount)
    }
}
