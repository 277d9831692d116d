import ExptConfig
import ExptOptim
import Testing

/// The whole-update transformations, worked out by hand, on a layout of a fully connected
/// weight stored transposed (torch [2, 3], in memory [3, 2]) followed by a bias of 2.
struct WholeUpdateTransformationTests {
    static let layout = ParameterLayout(tensors: [
        ParameterTensor(name: "0.weight", range: 0..<6, shape: [2, 3], storedTransposed: true),
        ParameterTensor(name: "0.bias", range: 6..<8, shape: [2]),
    ])

    @Test func clipByGlobalNormScalesALargeUpdate() {
        // ‖u‖ = √(9 + 16) = 5 > 1: u · 1 / (5 + 10⁻⁶).
        let updates = chainUpdates([ClipByGlobalNorm(maxNorm: 1)], gradients: [[3, 0, 0, 0, 0, 0, 0, 4]], layout: Self.layout)
        ElementwiseTransformationTests.expectClose(updates, [[0.599999880000024, 0, 0, 0, 0, 0, 0, 0.799999840000032]])
        // ‖u‖ = 0.5 ≤ 1: unchanged.
        let small: [[Double]] = [[0.3, 0, 0, 0, 0, 0, 0, 0.4]]
        #expect(chainUpdates([ClipByGlobalNorm(maxNorm: 1)], gradients: small, layout: Self.layout) == small)
    }

    @Test func centralizeSubtractsEachTorchRowsMean() {
        // In memory [3, 2]: torch's row 0 is 1, 2, 3 (mean 2), row 1 is 10, 20, 30 (mean 20). The bias stays.
        let updates = chainUpdates([Centralize()], gradients: [[1, 10, 2, 20, 3, 30, 5, 7]], layout: Self.layout)
        #expect(updates == [[-1, -10, 0, 0, 1, 10, 5, 7]])
    }

    @Test func centralizeInSinglePrecision() {
        #expect(chainUpdates([Centralize()], gradients: [[1, 10, 2, 20, 3, 30, 5, 7]], layout: Self.layout, as: Float.self)
                == [[-1, -10, 0, 0, 1, 10, 5, 7]])
    }

    @Test func centralizeReadsAConvolutionRowMajor() {
        // torch [2, 1, 2], not transposed: rows 1, 3 (mean 2) and 4, 8 (mean 6).
        let layout = ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<4, shape: [2, 1, 2])])
        #expect(chainUpdates([Centralize()], gradients: [[1, 3, 4, 8]], layout: layout) == [[-1, 1, -2, 2]])
    }

    @Test func scaleByTrustRatioScalesEachTensor() {
        // Weight: ‖θ‖ = 5, ‖u‖ = 2, ratio 2.5 (coefficient 1, ε 0). Bias: ‖θ‖ = 0, unchanged.
        let parameters: [Double] = [3, 4, 0, 0, 0, 0, 0, 0]
        let gradients: [[Double]] = [[0, 0, 0, 0, 0, 2, 1, 1]]
        #expect(chainUpdates([ScaleByTrustRatio()], gradients: gradients, parameters: parameters, layout: Self.layout)
                == [[0, 0, 0, 0, 0, 5, 1, 1]])
        // Ratio 0.1 · 5 / (2 + 0.5) = 0.2.
        ElementwiseTransformationTests.expectClose(
            chainUpdates([ScaleByTrustRatio(trustCoefficient: 0.1, eps: 0.5)], gradients: gradients, parameters: parameters, layout: Self.layout),
            [[0, 0, 0, 0, 0, 0.4, 1, 1]])
    }

    @Test func wholeStagesSplitTheChainIntoPasses() {
        // clip to ±1, then the norm of 1, 1 (√2 > 1) scales by 1 / (√2 + 10⁻⁶), then sign: ±1 again.
        let updates = chainUpdates([Clip(maxDelta: 1), ClipByGlobalNorm(maxNorm: 1), ScaleBySign()],
                                   gradients: [[3, 0, 0, 0, 0, 0, 0, -2]], layout: Self.layout)
        #expect(updates == [[1, 0, 0, 0, 0, 0, 0, -1]])
    }
}
