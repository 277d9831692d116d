import ExptStore

extension LayerEpochStatistics {
    /// The layer's values of the epoch by their names in metrics.csv: `layer_grad_norm/<index>.<kind>`,
    /// `layer_param_norm/…`, `layer_update_ratio/…`; nil for one not recorded.
    var namedValues: [(name: String, value: Double?)] {
        [("layer_grad_norm/\(layerName)", gradientNorm), ("layer_param_norm/\(layerName)", parameterNorm),
         ("layer_update_ratio/\(layerName)", updateRatio)]
    }
}
