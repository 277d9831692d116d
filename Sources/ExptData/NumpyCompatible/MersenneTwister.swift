/// The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998), seeded as numpy's
/// legacy `np.random.seed(n)` / `RandomState(n)` seeds it for an integer n: the
/// `init_genrand` recurrence (numpy's `mt19937_seed`), not Python's `init_by_array`.
///
/// Used only to regenerate datasets whose reference implementation draws from numpy
/// (MNIST-1D); expt's own draws come from `SeededGenerator`.
struct MersenneTwister {
    private static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    private var key: [UInt32]
    private var position: Int

    /// numpy accepts seeds from 0 to 2^32 − 1; the manifest checks that range.
    init(seed: UInt32) {
        key = [UInt32](repeating: 0, count: Self.stateSize)
        var value = seed
        for index in 0..<Self.stateSize {
            key[index] = value
            value = 1_812_433_253 &* (value ^ (value >> 30)) &+ UInt32(index + 1)
        }
        position = Self.stateSize
    }

    /// The next 32 random bits (numpy's `mt19937_next32`).
    mutating func next32() -> UInt32 {
        if position == Self.stateSize { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// A double in [0, 1) from 53 random bits of two draws (numpy's `mt19937_next_double`).
    mutating func nextDouble() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        func twist(_ i: Int, _ next: Int, _ far: Int) {
            let y = (key[i] & Self.upperMask) | (key[next] & Self.lowerMask)
            key[i] = key[far] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
        }
        for i in 0..<(n - m) { twist(i, i + 1, i + m) }
        for i in (n - m)..<(n - 1) { twist(i, i + 1, i + m - n) }
        twist(n - 1, 0, m - 1)
        position = 0
    }
}
