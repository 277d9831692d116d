extension Network {
    /// The runtime layer for `spec`, made by its kind, or nil for a layer that only changes how
    /// the next layer reads the same memory. Inputs of another rank are read as ``ModelShape``
    /// describes. The layer computes with `context`.
    static func makeLayer(
        _ spec: LayerSpec, shape: LayerShape, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int,
        context: ComputeContext = ComputeContext()
    ) -> (any Layer)? {
        spec.settings.makeLayer(LayerPlacement(shape: shape, parameters: parameters, gradients: gradients, offset: offset,
                                               maxBatchSize: maxBatchSize, context: context))
    }
}
