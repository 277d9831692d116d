/// The learning rate the schedule gave, recorded once per epoch at its last step.
enum LearningRateChart: LearningCurveChart {
    static let curve = LearningCurve(key: "lr", title: "Learning rate", scale: .logarithmic, atLastStep: true) { $0.learningRate }
}
