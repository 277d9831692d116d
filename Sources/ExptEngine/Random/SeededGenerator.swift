import Foundation

/// The project's own seeded random generator: xoshiro256** (Blackman and Vigna, 2018),
/// its 256-bit state filled from a 64-bit seed by SplitMix64 (Steele, Lea and Flood, 2014).
///
/// Every random draw of expt (initialisation, dataset generation, splits, shuffling) goes
/// through this type, and every derived draw (floats, Gaussians, bounded integers,
/// permutations) is computed here by a fixed algorithm, so that the same seed gives the
/// same bits on every platform and every Swift version. Swift's own `shuffled(using:)` and
/// `Float.random(in:using:)` are deliberately not used: their algorithms are not promised
/// to stay the same.
public struct SeededGenerator: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// A generator for an independent stream, derived from this seed and a stream label
    /// (for example one stream for initialisation and another for shuffling), so that
    /// drawing more numbers in one stream never shifts another.
    public init(seed: UInt64, stream: UInt64) {
        self.init(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    /// The generator's whole state, four words: saved in a checkpoint, given back to ``init(words:)``.
    public var words: [UInt64] {
        [state.0, state.1, state.2, state.3]
    }

    /// The generator whose state is `words` (four of them, as ``words`` gives).
    public init(words: [UInt64]) {
        precondition(words.count == 4, "a generator's state is four words")
        state = (words[0], words[1], words[2], words[3])
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform double in [0, 1), from the top 53 bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [low, high).
    public mutating func nextDouble(in low: Double, _ high: Double) -> Double {
        let value = low + (high - low) * nextDouble()
        // The sum can round up to `high` itself when u is just below 1.
        return value < high ? value : high.nextDown
    }

    /// A standard normal draw by the Box-Muller transform (one of the pair is used).
    public mutating func nextGaussian() -> Double {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - nextDouble()
        let u2 = nextDouble()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject method).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place by the Fisher-Yates algorithm, from the last index down.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            values.swapAt(i, j)
        }
    }

    /// A random permutation of 0..<count.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
