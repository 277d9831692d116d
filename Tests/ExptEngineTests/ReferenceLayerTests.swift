import Testing
@testable import ExptEngine

/// Forward values of conv2d, the pools, rnn, gru, lstm and batchnorm (training mode, with its
/// running statistics after the step) against torch, for the parameters and inputs of
/// `Fixtures/reference_layers.json`. Float32 sums in another order differ in the last bits, so
/// agreement is within 2e-6 absolute plus 1e-5 relative.
struct ReferenceLayerTests {
    @Test func fixtureComesFromTorchInFloat32() {
        #expect(LayerFixture.shipped.torch.hasPrefix("2.15"))
        #expect(LayerFixture.shipped.dtype == "float32")
        #expect(LayerFixture.shipped.cases.count == 14)
    }

    @Test(arguments: LayerFixture.shipped.cases)
    func forwardMatchesTorch(_ c: LayerCase) throws {
        let shapes = try ModelShape.infer(inputShape: c.input_shape, layers: [c.spec])
        #expect(shapes[0].parameterCount == c.parameters.count)
        let parameters = FloatBuffer(c.parameters)
        let gradients = FloatBuffer(count: c.parameters.count)
        let layer = try #require(Network.makeLayer(c.spec, shape: shapes[0], parameters: parameters, gradients: gradients,
                                                   offset: 0, maxBatchSize: c.batch))
        let input = FloatBuffer(c.input)
        layer.forward(input: input.pointer, batchSize: c.batch, training: true)
        #expect(c.output.count == c.batch * layer.outputSize)
        // Not vacuous: the outputs vary (overlapping max pools repeat some maxima).
        #expect(Set(c.output).count > 4)
        let output = Array(layer.output.array.prefix(c.output.count))
        for (i, (mine, torch)) in zip(output, c.output).enumerated() {
            #expect(abs(mine - torch) <= 2e-6 + 1e-5 * abs(torch), "\(c.name) output \(i): \(mine) vs torch \(torch)")
        }
        if let norm = layer as? BatchNormLayer, let mean = c.running_mean, let variance = c.running_var {
            for i in mean.indices {
                #expect(abs(norm.runningMean[i] - mean[i]) <= 1e-6, "running mean \(i)")
                #expect(abs(norm.runningVariance[i] - variance[i]) <= 1e-5 * variance[i], "running variance \(i)")
            }
        }
    }
}
