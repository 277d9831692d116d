import ExptManifest

extension Metric {
    /// This metric's value in one epoch's record, or nil where it was not recorded
    /// (accuracy in a regression run).
    public func value(in metrics: EpochMetrics) -> Double? {
        switch self {
        case .trainLoss: metrics.trainLoss
        case .validationLoss: metrics.validationLoss
        case .validationAccuracy: metrics.validationAccuracy
        }
    }
}
