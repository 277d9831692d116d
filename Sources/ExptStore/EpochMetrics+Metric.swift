import ExptManifest

extension EpochMetrics {
    /// This epoch's value of `metric`, or nil when the run did not record it (accuracy in regression).
    public func value(of metric: Metric) -> Double? {
        switch metric {
        case .trainLoss: trainLoss
        case .validationLoss: validationLoss
        case .validationAccuracy: validationAccuracy
        case .trainEvaluationLoss: trainEvaluationLoss
        case .trainAccuracy: trainAccuracy
        }
    }
}
