/// The hyperparameters of AdamW, named and defaulted as in `torch.optim.AdamW`: Adam's, with
/// decoupled weight decay of 0.01 by default.
public struct AdamWHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "adamw"

    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// Decoupled weight decay: θ ← θ (1 − lr · weight_decay) before the Adam step. Default 0.01.
    public var weightDecay: Double = 0.01
    /// Use the maximum of past second moments (AMSGrad). Default false.
    public var amsgrad: Bool = false

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0.01, amsgrad: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("beta1", "\(beta1)"), ("beta2", "\(beta2)"), ("eps", "\(eps)"),
         ("weight_decay", "\(weightDecay)"), ("amsgrad", "\(amsgrad)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        let adam = AdamHyperparameters(lr: lr, beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad)
        return Adam<Scalar>(adam, decoupledWeightDecay: true, parameterCount: parameterCount)
    }
}
