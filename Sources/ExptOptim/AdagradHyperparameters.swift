/// The hyperparameters of Adagrad, named and defaulted as in `torch.optim.Adagrad`.
public struct AdagradHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "adagrad"

    /// Learning rate. Default 0.01.
    public var lr: Double = 0.01
    /// The rate at step t is lr / (1 + (t − 1) · lr_decay). Default 0.
    public var lrDecay: Double = 0
    /// L2 penalty added to the gradient. Default 0.
    public var weightDecay: Double = 0
    /// Starting value of the sum of squared gradients. Default 0.
    public var initialAccumulatorValue: Double = 0
    /// Added to the denominator after the square root. Default 1e-10.
    public var eps: Double = 1e-10

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0, eps: Double = 1e-10) {
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("lr_decay", "\(lrDecay)"), ("weight_decay", "\(weightDecay)"),
         ("initial_accumulator_value", "\(initialAccumulatorValue)"), ("eps", "\(eps)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        Adagrad<Scalar>(self, parameterCount: parameterCount)
    }
}
