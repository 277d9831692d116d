/// The training loss per epoch (per step on a 2D test function: the function's value).
enum TrainingLossChart: LearningCurveChart {
    static let curve = LearningCurve(key: "train_loss", title: "Training loss", scale: .logarithmic) { $0.trainLoss }
}
