/// The hyperparameters of Adam, named and defaulted as in `torch.optim.Adam`.
public struct AdamHyperparameters: Sendable, Equatable, Codable {
    /// Learning rate. Default 0.001.
    public var lr: Double = 0.001
    /// Decay rate of the first moment. Default 0.9.
    public var beta1: Double = 0.9
    /// Decay rate of the second moment. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator after the square root. Default 1e-8.
    public var eps: Double = 1e-8
    /// L2 penalty added to the gradient (coupled, as torch.optim.Adam; AdamW decouples it). Default 0.
    public var weightDecay: Double = 0
    /// Use the maximum of past second moments (AMSGrad, Reddi et al. 2018). Default false.
    public var amsgrad: Bool = false

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0, amsgrad: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
    }

    var listed: [(name: String, value: String)] {
        [("lr", "\(lr)"), ("beta1", "\(beta1)"), ("beta2", "\(beta2)"), ("eps", "\(eps)"),
         ("weight_decay", "\(weightDecay)"), ("amsgrad", "\(amsgrad)")]
    }
}
