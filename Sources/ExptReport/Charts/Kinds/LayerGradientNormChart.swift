import ExptStore

/// Each layer's gradient norm (mean over the epoch's steps, before clipping) per epoch
/// (`train.layer_stats`): where vanishing gradients show as lines decades apart, the first
/// layers' lowest, and exploding ones as lines that climb.
enum LayerGradientNormChart: LayerStatisticChart {
    static let key = "layer_grad_norm"
    static let title = "gradient norm per layer"
    static func value(_ row: LayerEpochStatistics) -> Double? { row.gradientNorm }
}
