extension Network {
    /// The runtime layer for `spec`, or nil for `flatten`, which only changes how the next layer
    /// reads the same memory. Inputs of another rank are read as ``ModelShape`` describes. The
    /// layer computes with `context`.
    static func makeLayer(
        _ spec: LayerSpec, shape: LayerShape, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int,
        context: ComputeContext = ComputeContext()
    ) -> (any Layer)? {
        let inputSize = shape.input.reduce(1, *)
        switch spec {
        case .dense(let dense):
            return DenseLayer(inputSize: inputSize, units: dense.units,
                              nonlinearity: Nonlinearity(dense.activation, leakySlope: dense.leakySlope),
                              initializer: dense.initializer, parameters: parameters, gradients: gradients,
                              offset: offset, maxBatchSize: maxBatchSize, context: context)
        case .conv2d(let conv):
            return Conv2DLayer(image: ModelShape.image(shape.input)!, spec: conv, parameters: parameters,
                               gradients: gradients, offset: offset, maxBatchSize: maxBatchSize, context: context)
        case .maxPool2d(let pool):
            return PoolLayer(mode: .max, image: ModelShape.image(shape.input)!, spec: pool, maxBatchSize: maxBatchSize,
                             context: context)
        case .avgPool2d(let pool):
            return PoolLayer(mode: .average, image: ModelShape.image(shape.input)!, spec: pool, maxBatchSize: maxBatchSize,
                             context: context)
        case .flatten:
            return nil
        case .dropout(let dropout):
            return DropoutLayer(size: inputSize, rate: dropout.rate, generator: SeededGenerator(seed: 0), maxBatchSize: maxBatchSize)
        case .batchNorm(let norm):
            return BatchNormLayer(shape: shape.input, spec: norm, parameters: parameters, gradients: gradients,
                                  offset: offset, maxBatchSize: maxBatchSize, context: context)
        case .recurrent(let recurrent):
            return RecurrentLayer(sequence: ModelShape.sequence(shape.input)!, spec: recurrent, parameters: parameters,
                                  gradients: gradients, offset: offset, maxBatchSize: maxBatchSize, context: context)
        }
    }
}
