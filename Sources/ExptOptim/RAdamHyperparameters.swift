/// The hyperparameters of RAdam, named and defaulted as in `torch.optim.RAdam`.
public struct RAdamHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "radam"

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// Weight decay, added to the gradient or (decoupled) shrinking the parameters. Default 0.
    public var weightDecay: Double = 0
    /// Shrink the parameters by lr · weight_decay (AdamW-style) instead of adding to the gradient. Default false.
    public var decoupledWeightDecay: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("beta1", "\(beta1)"), ("beta2", "\(beta2)"), ("eps", "\(eps)"),
         ("weight_decay", "\(weightDecay)"), ("decoupled_weight_decay", "\(decoupledWeightDecay)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        RAdam<Scalar>(self, parameterCount: parameterCount)
    }
}
