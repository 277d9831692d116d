import ExptStore

/// The learning rate the schedule gave, recorded once per epoch at its last step.
enum LearningRateChart: LearningCurveChart {
    static let key = "lr"
    static let title = "Learning rate"
    static let scale = Axis.Scale.logarithmic
    static let atLastStep = true
    static func value(_ epoch: EpochMetrics) -> Double? { epoch.learningRate }
}
