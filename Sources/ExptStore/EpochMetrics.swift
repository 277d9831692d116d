/// The metrics recorded at the end of one epoch.
public struct EpochMetrics: Sendable, Equatable, Codable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Optimizer steps taken so far, this epoch's included.
    public var step: Int
    /// Mean training loss over the epoch's batches, each weighted by its size.
    public var trainLoss: Double
    /// Mean loss over the validation set, after the epoch; nil without a validation set
    /// (`data.validation: 0`).
    public var validationLoss: Double?
    /// Share of validation examples classified correctly; nil for regression or without a
    /// validation set.
    public var validationAccuracy: Double?
    /// The learning rate used in the epoch's last step.
    public var learningRate: Double
    /// Seconds since the run started.
    public var elapsedSeconds: Double
    /// Mean over the epoch's steps of the global L2 norm of the gradient, before clipping.
    public var gradientNormMean: Double?
    /// Largest global L2 norm of the gradient in the epoch, before clipping.
    public var gradientNormMax: Double?
    /// Mean loss over the whole training set in evaluation mode, after the epoch; nil unless
    /// `train.evaluate_train`.
    public var trainEvaluationLoss: Double?
    /// Share of training examples classified correctly in evaluation mode, after the epoch; nil
    /// unless `train.evaluate_train`, and for regression.
    public var trainAccuracy: Double?
    /// The largest eigenvalue of the training loss's Hessian after the epoch, when `analysis.sharpness`
    /// measures this epoch (see `HessianPowerIteration`).
    public var sharpness: Double?

    public init(epoch: Int, step: Int, trainLoss: Double, validationLoss: Double?, validationAccuracy: Double?, learningRate: Double, elapsedSeconds: Double,
                gradientNormMean: Double? = nil, gradientNormMax: Double? = nil, trainEvaluationLoss: Double? = nil, trainAccuracy: Double? = nil,
                sharpness: Double? = nil) {
        self.epoch = epoch
        self.step = step
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.learningRate = learningRate
        self.elapsedSeconds = elapsedSeconds
        self.gradientNormMean = gradientNormMean
        self.gradientNormMax = gradientNormMax
        self.trainEvaluationLoss = trainEvaluationLoss
        self.trainAccuracy = trainAccuracy
        self.sharpness = sharpness
    }
}
