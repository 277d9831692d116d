/// One layer's statistics over one epoch (`train.layer_stats`), a row of a run's `layers.csv`.
///
/// With g_l the layer's slice of the gradient before clipping, w_l its slice of the
/// parameters, and t the epoch's steps (T of them):
///
///     gradientNorm  = (1/T) Σ_t ‖g_l,t‖₂
///     parameterNorm = ‖w_l‖₂ after the epoch's last step
///     updateRatio   = (1/T') Σ_t ‖w_l,t+1 − w_l,t‖₂ / ‖w_l,t‖₂   over the T' steps with ‖w_l,t‖₂ > 0
///
/// Σ_l ‖g_l,t‖₂² = ‖g_t‖₂², the global norm whose mean is `gradientNormMean`.
public struct LayerEpochStatistics: Sendable, Equatable, Codable {
    /// 1-based epoch number.
    public var epoch: Int
    /// The layer's 0-based position in the manifest's `model` list.
    public var layer: Int
    /// The layer's kind, as the manifest names it (`dense`, `conv2d`).
    public var kind: String
    public var gradientNorm: Double
    public var parameterNorm: Double
    /// Nil when the layer's parameters were zero before every step of the epoch.
    public var updateRatio: Double?

    public init(epoch: Int, layer: Int, kind: String, gradientNorm: Double, parameterNorm: Double, updateRatio: Double?) {
        self.epoch = epoch
        self.layer = layer
        self.kind = kind
        self.gradientNorm = gradientNorm
        self.parameterNorm = parameterNorm
        self.updateRatio = updateRatio
    }

    /// `0.dense`: the layer's index and kind, as the metric names of metrics.csv carry them.
    public var layerName: String { "\(layer).\(kind)" }
}
