import ExptEngine

extension PolynomialSettings {
    /// Regression on a polynomial of one input: y = c₀ + c₁x + … + c_k x^k + noise · ε, with
    /// k = `degree`.
    ///
    /// The coefficients c₀ … c_k are standard normal draws on the regression-weights stream
    /// (so they stay put when `samples` or `noise` changes). Each example draws x uniform in
    /// [−1, 1) and then ε, standard normal, on the regression-points stream; the polynomial is
    /// evaluated by Horner's rule. One feature, one target, `classCount` nil.
    func generate(seed: UInt64) -> Dataset {
        let n = max(samples, 0)
        var weightRandom = SeededGenerator(seed: seed, stream: DataStream.regressionWeights)
        let coefficients = (0...max(degree, 0)).map { _ in weightRandom.nextGaussian() }
        var random = SeededGenerator(seed: seed, stream: DataStream.regressionPoints)
        var inputs: [Float] = []
        var outputs: [Float] = []
        for _ in 0..<n {
            let x = random.nextDouble(in: -1, 1)
            let y = coefficients.reversed().reduce(0.0) { $0 * x + $1 }
            inputs.append(Float(x))
            outputs.append(Float(y + noise * random.nextGaussian()))
        }
        return Dataset(count: n, featureCount: 1, features: inputs, targetCount: 1, targets: outputs, classCount: nil)
    }
}
