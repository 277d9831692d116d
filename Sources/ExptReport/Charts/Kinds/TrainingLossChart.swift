import ExptStore

/// The training loss per epoch (per step on a 2D test function: the function's value).
enum TrainingLossChart: LearningCurveChart {
    static let key = "train_loss"
    static let title = "Training loss"
    static let scale = Axis.Scale.logarithmic
    static func value(_ epoch: EpochMetrics) -> Double? { epoch.trainLoss }
}
