/// The validation loss after each epoch. Not drawn for a 2D test function, whose validation
/// loss is its value again (the training loss).
enum ValidationLossChart: LearningCurveChart {
    static let curve = LearningCurve(key: "val_loss", title: "Validation loss", scale: .logarithmic, drawnForTestFunctions: false) {
        $0.validationLoss
    }
}
