import ExptConfig
import ExptOptim

/// `plateau` in a manifest: the settings of `ReduceLROnPlateau`, and the metric it watches
/// (a manifest value, so this kind lives beside `Metric`). Only per epoch; `mode` defaults to
/// the direction in which the metric improves.
public struct PlateauSettings: ScheduleKind, MetricMonitoringSchedule {
    public static let name = "plateau"
    public static let storedForm = StoredForm.wrapped
    public static let summary = "Multiplied by factor when a metric stops improving (ReduceLROnPlateau)."
    public static let onlyInterval: (interval: ScheduleInterval, reason: String)? = (.epoch, "plateau is stepped once per epoch")
    public static var settings: [Hyperparameter<Self>] {
        let count = 0...ScheduleInterval.maximumTicks
        return [
            Hyperparameter("metric", .choice(.of(\.metric)), "The metric watched after every epoch."),
            Hyperparameter("mode", .choice(.of(\.parameters.mode, describedDefault: "the metric's goal")),
                           "Whether the metric improves by falling or by rising."),
            Hyperparameter("factor", .number(\.parameters.factor, .openUnit), "Factor of each reduction."),
            Hyperparameter("patience", .integer(\.parameters.patience, count), "Epochs without improvement before a reduction."),
            Hyperparameter("threshold", .number(\.parameters.threshold, .nonNegative), "How much better counts as an improvement."),
            Hyperparameter("threshold_mode", .choice(.of(\.parameters.thresholdMode)),
                           "threshold relative to the best value (rel) or absolute (abs)."),
            Hyperparameter("cooldown", .integer(\.parameters.cooldown, count), "Epochs ignored after a reduction."),
            Hyperparameter("min_lr", .number(\.parameters.minimumLearningRate, .nonNegative), "The rate never goes below it."),
        ]
    }

    public var metric: Metric
    /// The rule's settings; stored beside `metric`, in one object.
    public var parameters: ReduceOnPlateau.Parameters

    /// torch's defaults, watching `metric` in the direction in which it improves.
    public init(metric: Metric = .validationLoss, mode: ReduceOnPlateau.Mode? = nil, factor: Double = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: ReduceOnPlateau.ThresholdMode = .relative, cooldown: Int = 0,
                minimumLearningRate: Double = 0) {
        self.metric = metric
        parameters = ReduceOnPlateau.Parameters(
            mode: mode ?? Self.goal(of: metric), factor: factor, patience: patience, threshold: threshold,
            thresholdMode: thresholdMode, cooldown: cooldown, minimumLearningRate: minimumLearningRate)
    }

    /// torch's defaults, watching the validation loss.
    public init() {
        self.init(metric: .validationLoss)
    }

    private enum MetricKey: String, CodingKey {
        case metric
    }

    /// Decodes the stored form: `metric` and the rule's parameters as keys of one object.
    public init(from decoder: any Decoder) throws {
        metric = try decoder.container(keyedBy: MetricKey.self).decode(Metric.self, forKey: .metric)
        parameters = try ReduceOnPlateau.Parameters(from: decoder)
    }

    /// The stored form: `metric` and the rule's parameters as keys of one object, as the run ids were computed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MetricKey.self)
        try container.encode(metric, forKey: .metric)
        try parameters.encode(to: encoder)
    }

    /// `mode` from the metric's goal unless the manifest wrote it.
    public func resolved(givenKeys: Set<String>) -> Self {
        var settings = self
        if !givenKeys.contains("mode") { settings.parameters.mode = Self.goal(of: metric) }
        return settings
    }

    public func makeRule(baseLearningRate: Double, length: Int) throws(ScheduleError) -> ScheduleRule {
        .reduceOnPlateau(try ReduceOnPlateau(baseLearningRate: baseLearningRate, parameters))
    }

    private static func goal(of metric: Metric) -> ReduceOnPlateau.Mode {
        metric.naturalGoal == .maximize ? .max : .min
    }
}
