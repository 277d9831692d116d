import ExptEngine

/// `count` uniform values in [low, high) from a fixed seed.
func uniformValues(_ count: Int, seed: UInt64, in low: Double = -1, _ high: Double = 1) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in Float(generator.nextDouble(in: low, high)) }
}
