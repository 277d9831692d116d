/// The share of validation examples classified correctly after each epoch (classification only).
enum ValidationAccuracyChart: LearningCurveChart {
    static let curve = LearningCurve(key: "val_accuracy", title: "Validation accuracy", scale: .linear) { $0.validationAccuracy }
}
