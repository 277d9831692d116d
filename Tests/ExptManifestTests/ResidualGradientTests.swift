import ExptEngine
import ExptTestSupport
import Testing
@testable import ExptManifest

/// A residual MLP built from a manifest: every parameter's gradient from `trainStep`
/// (through a pre-norm and a post-norm block) against central differences of the mean loss.
@Suite struct ResidualGradientTests {
    @Test func manifestBuiltResidualMLPGradientsMatchFiniteDifferences() throws {
        let text = TransformerManifestTests.manifest("""
              - {dense: 4, activation: tanh}
              - residual:
                  - {dense: 6, activation: tanh}
                  - dense: 4
                norm: pre
              - residual: [{dense: 4, activation: tanh}]
                norm: post
              - dense: 2
            """)
        let config = try #require(ManifestLoader.decode(text: text, path: "x.yaml").variants.first?.config)
        var generator = SeededGenerator(seed: 40)
        let network = Network(inputShape: [2], layers: config.model, loss: .crossEntropy, maxBatchSize: 3, generator: &generator)
        // 2·4 + 4, norm 8, 4·6 + 6 + 6·4 + 4, 4·4 + 4 + norm 8, 4·2 + 2.
        #expect(network.parameters.count == 12 + 8 + 58 + 28 + 10)
        let inputs: [Float] = [0.3, -0.7, 1.1, 0.2, -0.5, 0.9]
        let targets: [Float] = [1, 0, 1]
        let meanLoss = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 3) }
        }
        func loss() -> Double {
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in network.loss(inputs: x, targets: t, batchSize: 3) }
            }
        }
        #expect(meanLoss.isFinite)
        for i in 0..<network.parameters.count {
            let numeric = centralDifference(of: network.parameters.pointer, at: i, step: 1e-2, loss)
            expectGradient(network.gradients[i], numeric, "parameter \(i)")
        }
    }
}
