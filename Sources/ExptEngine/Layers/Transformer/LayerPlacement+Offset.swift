extension LayerPlacement {
    /// The same placement with the parameters starting `count` values further on and the shape
    /// `shape`: where a composite layer (a `feed_forward`, a `transformer_block`) builds its
    /// next sub-layer, each over the next slice of the network's parameter buffer.
    func advanced(by count: Int, shape: LayerShape? = nil) -> LayerPlacement {
        LayerPlacement(shape: shape ?? self.shape, parameters: parameters, gradients: gradients, offset: offset + count,
                       maxBatchSize: maxBatchSize, context: context)
    }
}
