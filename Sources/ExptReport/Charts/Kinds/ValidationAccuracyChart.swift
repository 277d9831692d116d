import ExptStore

/// The share of validation examples classified correctly after each epoch (classification only).
enum ValidationAccuracyChart: LearningCurveChart {
    static let key = "val_accuracy"
    static let title = "Validation accuracy"
    static let scale = Axis.Scale.linear
    static func value(_ epoch: EpochMetrics) -> Double? { epoch.validationAccuracy }
}
