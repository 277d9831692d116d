import ExptStore

/// Each layer's update-to-parameter ratio ‖Δw‖/‖w‖ (mean over the epoch's steps) per epoch
/// (`train.layer_stats`): how far the optimizer moves each layer relative to its size; a layer
/// whose line lies decades below the others barely learns.
enum LayerUpdateRatioChart: LayerStatisticChart {
    static let key = "layer_update_ratio"
    static let title = "update ratio per layer"
    static func value(_ row: LayerEpochStatistics) -> Double? { row.updateRatio }
}
