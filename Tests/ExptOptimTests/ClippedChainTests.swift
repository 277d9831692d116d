import ExptOptim
import Testing

/// A chain that starts with a whole-update stage runs in two passes over blocks of the
/// parameters: `[clip_by_global_norm: c, scale_by_adam, scale_by_learning_rate]` gives the bits of
/// the trainer's `clip_norm` (``GradientClipping``) followed by the built-in Adam, over several
/// blocks and a ragged tail, in single precision.
struct ClippedChainTests {
    @Test(arguments: [0.5, 1000])
    func clippedAdamChainEqualsClippingThenAdam(maxNorm: Double) {
        let count = ChainExactnessTests.count
        let builtIn = AdamHyperparameters(lr: 0.01).makeOptimizer(of: Float.self, parameterCount: count)
        let chain = ChainSettings([ClipByGlobalNorm(maxNorm: maxNorm), ScaleByAdam(), ScaleByLearningRate()], lr: 0.01)
            .makeOptimizer(of: Float.self, parameterCount: count)
        let clipping = GradientClipping(maxNorm: maxNorm)
        var generator = TestValues(seed: 11)
        let start = (0..<count).map { _ in Float(generator.next()) }
        var expected = start
        var actual = start
        var clippedSteps = 0
        for _ in 0..<ChainExactnessTests.steps {
            let gradients = (0..<count).map { _ in Float(generator.next()) }
            var clipped = gradients
            let norm = clipped.withUnsafeMutableBufferPointer { clipping.apply(to: $0) }
            if norm > maxNorm { clippedSteps += 1 }
            clipped.withUnsafeBufferPointer { g in
                expected.withUnsafeMutableBufferPointer { builtIn.step(parameters: $0, gradients: g, learningRate: 0.01) }
            }
            gradients.withUnsafeBufferPointer { g in
                actual.withUnsafeMutableBufferPointer { chain.step(parameters: $0, gradients: g, learningRate: 0.01) }
            }
            #expect(expected == actual)
        }
        // The norm of 1549 values uniform in [−1, 1) is about √(1549 / 3) ≈ 22.7: clipped at 0.5, never at 1000.
        #expect(clippedSteps == (maxNorm < 1 ? ChainExactnessTests.steps : 0))
    }
}
