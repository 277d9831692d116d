/// Every chart the report can draw, once, in the order report.md shows them.
enum ChartRegistry {
    static let kinds: [any ChartKind.Type] = [
        TrainingLossChart.self,
        ValidationLossChart.self,
        ValidationAccuracyChart.self,
        TrainingAccuracyChart.self,
        LearningRateChart.self,
        LayerGradientNormChart.self,
        LayerUpdateRatioChart.self,
        SensitivityChart.self,
        TrajectoriesChart.self,
        LandscapeChart.self,
    ]

    /// The charts of every kind that applies to `results`, in registry order.
    static func charts(of results: ChartResults) -> [Chart] {
        kinds.filter { $0.applies(to: results) }.flatMap { $0.charts(of: results) }
    }
}
