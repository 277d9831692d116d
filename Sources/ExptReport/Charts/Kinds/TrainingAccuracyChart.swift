/// The share of training examples classified correctly, in evaluation mode after each epoch
/// (`train.evaluate_train`, classification only); beside the validation accuracy it shows memorisation.
enum TrainingAccuracyChart: LearningCurveChart {
    static let curve = LearningCurve(key: "train_accuracy", title: "Training accuracy", scale: .linear) { $0.trainAccuracy }
}
