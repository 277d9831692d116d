import ExptEngine

/// `residual` in a model: its kind key holds the block's layers, a sequence read as `model`
/// is (so a mistake inside is shown at its own path, `model[1].residual[0].dense`), and `norm`
/// stands beside it.
///
/// ```yaml
/// model:
///   - residual:
///       - dense: 64
///       - dense: 16
///     norm: pre         # none (the default), pre or post
/// ```
extension ManifestDecoder {
    func residual(_ layersTree: Tree, _ fields: Fields) -> LayerSpec? {
        let inner = model(layersTree)
        let reader = HyperparameterReader(fields: fields, decoder: self)
        let rows = ResidualSpec.settings.filter { $0.key != "layers" }
        guard let settings = reader.read(rows, over: ResidualSpec()), let inner else { return nil }
        return LayerSpec(ResidualSpec(layers: inner.layers, norm: settings.norm))
    }
}
