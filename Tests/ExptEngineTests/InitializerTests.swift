import Testing
@testable import ExptEngine

/// Statistics of the initial weights of one large layer (400 x 300 = 120,000 draws).
struct InitializerTests {
    let inputSize = 400, units = 300

    func weights(_ initializer: Initializer, seed: UInt64 = 3) -> (weights: [Float], bias: [Float]) {
        var generator = SeededGenerator(seed: seed)
        let network = Network(inputSize: inputSize, layers: [.dense(.init(units: units, initializer: initializer))],
                              loss: .meanSquaredError, maxBatchSize: 1, generator: &generator)
        let all = network.parameters.array
        return (Array(all[0..<inputSize * units]), Array(all[(inputSize * units)...]))
    }

    func meanAndStandardDeviation(_ values: [Float]) -> (mean: Double, standardDeviation: Double) {
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }

    /// He: N(0, 2 / fanIn), std sqrt(2/400) = 0.0707. The mean's standard error is 0.0707 / sqrt(120000) ≈ 2e-4.
    @Test func heIsNormalWithVarianceTwoOverFanIn() {
        let (w, bias) = weights(.he)
        let stats = meanAndStandardDeviation(w)
        let expected = (2.0 / Double(inputSize)).squareRoot()
        #expect(abs(stats.mean) < 1e-3)
        #expect(abs(stats.standardDeviation / expected - 1) < 0.01)
        // About 4.55% of a normal sample lies beyond two standard deviations.
        let beyondTwo = Double(w.filter { abs(Double($0)) > 2 * expected }.count) / Double(w.count)
        #expect(abs(beyondTwo - 0.0455) < 0.003)
        #expect(bias.allSatisfy { $0 == 0 })
    }

    /// Xavier: U(−a, a), a = sqrt(6 / (400 + 300)) = 0.0926, std a / sqrt(3).
    @Test func xavierIsUniformWithinItsBound() {
        let (w, bias) = weights(.xavier)
        let limit = (6.0 / Double(inputSize + units)).squareRoot()
        let stats = meanAndStandardDeviation(w)
        #expect(w.allSatisfy { abs($0) <= Float(limit) })
        #expect(Double(w.max()!) > 0.999 * limit && Double(w.min()!) < -0.999 * limit)
        #expect(abs(stats.mean) < 1e-3)
        #expect(abs(stats.standardDeviation / (limit / 3.0.squareRoot()) - 1) < 0.01)
        #expect(bias.allSatisfy { $0 == 0 })
    }

    @Test func zerosIsAllZero() {
        let (w, bias) = weights(.zeros)
        #expect(w.allSatisfy { $0 == 0 } && bias.allSatisfy { $0 == 0 })
    }

    @Test func defaultIsHeAfterReluAndXavierOtherwise() {
        #expect(DenseSpec(units: 1, activation: .relu).initializer == .he)
        for activation in [Activation.identity, .tanh, .sigmoid] {
            #expect(DenseSpec(units: 1, activation: activation).initializer == .xavier)
        }
    }
}
