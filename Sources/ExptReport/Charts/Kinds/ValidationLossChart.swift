import ExptStore

/// The validation loss after each epoch. Not drawn for a 2D test function, whose validation
/// loss is its value again (the training loss).
enum ValidationLossChart: LearningCurveChart {
    static let key = "val_loss"
    static let title = "Validation loss"
    static let scale = Axis.Scale.logarithmic
    static let drawnForTestFunctions = false
    static func value(_ epoch: EpochMetrics) -> Double? { epoch.validationLoss }
}
