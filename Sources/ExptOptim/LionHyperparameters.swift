/// The hyperparameters of Lion (Chen et al., 2023). torch.optim has no Lion; the names and
/// defaults are those of the paper's reference code and of lucidrains/lion-pytorch.
public struct LionHyperparameters: OptimizerHyperparameters {
    public static let optimizerName = "lion"

    /// Learning rate. Default 0.0001 (Lion's steps have size lr in every coordinate, so it wants 3–10x less than Adam).
    public var lr: Double = 0.0001
    /// Interpolation between momentum and gradient for the update's sign. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the momentum. Default 0.99.
    public var beta2: Double = 0.99
    /// Decoupled weight decay: θ ← θ (1 − lr · weight_decay). Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at its default.
    public init() {}

    public init(lr: Double = 0.0001, beta1: Double = 0.9, beta2: Double = 0.99, weightDecay: Double = 0) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.weightDecay = weightDecay
    }

    public var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("beta1", "\(beta1)"), ("beta2", "\(beta2)"), ("weight_decay", "\(weightDecay)")]
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, parameterCount: Int) -> any ParameterOptimizer<Scalar> {
        Lion<Scalar>(self, parameterCount: parameterCount)
    }
}
