import ExptEngine

extension XORSettings {
    /// The XOR problem: points in the square [−1, 1]², class 1 where exactly one coordinate
    /// is negative; examples grouped by class, half each (class 0 takes the odd one).
    ///
    /// Each example draws, on the xor stream, a = u₁, b = u₂ (uniform in [0, 1)) and a sign
    /// s = ±1 (u₃ < 0.5 gives −1); class 0 lies at (s·a, s·b), class 1 at (s·a, −s·b), and
    /// then `noise` times a standard normal draw is added to each coordinate (x's first).
    func generate(seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed, stream: DataStream.xor)
        var features: [Float] = []
        var targets: [Float] = []
        for (label, size) in classSizes(samples: samples, classes: 2).enumerated() {
            for _ in 0..<size {
                let a = random.nextDouble(), b = random.nextDouble()
                let sign: Double = random.nextDouble() < 0.5 ? -1 : 1
                let x = sign * a, y = label == 0 ? sign * b : -sign * b
                features.append(Float(x + noise * random.nextGaussian()))
                features.append(Float(y + noise * random.nextGaussian()))
                targets.append(Float(label))
            }
        }
        return Dataset(count: targets.count, featureCount: 2, features: features,
                       targetCount: 1, targets: targets, classCount: 2)
    }
}
