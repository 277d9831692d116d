import ExptEngine

extension LinearSettings {
    /// Linear regression: y = x W + noise · ε, with d = `features` inputs and t = `targets`
    /// outputs.
    ///
    /// The true weights W (d × t, row-major) are standard normal draws on the
    /// regression-weights stream, so they stay put when `samples` or `noise` changes. Each
    /// example then draws its d inputs, standard normal, and its t noise draws ε, on the
    /// regression-points stream. Regression: `classCount` is nil and each example has t targets.
    func generate(seed: UInt64) -> Dataset {
        let d = max(features, 0), t = max(targets, 0), n = max(samples, 0)
        var weightRandom = SeededGenerator(seed: seed, stream: DataStream.regressionWeights)
        let weights = (0..<d * t).map { _ in weightRandom.nextGaussian() }
        var random = SeededGenerator(seed: seed, stream: DataStream.regressionPoints)
        var inputs: [Float] = []
        var outputs: [Float] = []
        for _ in 0..<n {
            let x = (0..<d).map { _ in random.nextGaussian() }
            for output in 0..<t {
                var y = 0.0
                for input in 0..<d { y += x[input] * weights[input * t + output] }
                outputs.append(Float(y + noise * random.nextGaussian()))
            }
            inputs += x.map(Float.init)
        }
        return Dataset(count: n, featureCount: d, features: inputs, targetCount: t, targets: outputs, classCount: nil)
    }
}
