import Foundation

/// The draws of numpy's legacy `RandomState` (the `np.random.*` functions after
/// `np.random.seed(n)`), reproduced bit for bit over ``MersenneTwister``:
///
/// - `rand()`: 53-bit doubles from two 32-bit outputs;
/// - `randn()`: the Marsaglia polar method of `legacy_gauss`, which keeps the second value of
///   each pair for the next call;
/// - `randint(below:)` and `choice(_:)` of an integer: masked rejection on 32-bit outputs;
/// - `permutation(_:)`: Fisher-Yates from the last index down, with the same masked rejection
///   (`random_interval`).
struct LegacyRandomState {
    private var twister: MersenneTwister
    private var cachedGaussian: Double?

    init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
    }

    /// `np.random.rand()`: uniform in [0, 1).
    mutating func rand() -> Double {
        twister.nextDouble()
    }

    /// `np.random.randn()`: a standard normal draw.
    mutating func randn() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1, x2, r2: Double
        repeat {
            x1 = 2.0 * twister.nextDouble() - 1.0
            x2 = 2.0 * twister.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGaussian = f * x1
        return f * x2
    }

    /// `np.random.randn(count)`.
    mutating func randn(_ count: Int) -> [Double] {
        (0..<count).map { _ in randn() }
    }

    /// `np.random.randint(bound)` (and `np.random.choice(bound)`): uniform in 0..<bound, for
    /// 1 ≤ bound ≤ 2^32.
    mutating func randint(below bound: Int) -> Int {
        precondition(bound >= 1 && bound <= 1 << 32, "bound must be in 1...2^32")
        return Int(interval(UInt32(bound - 1)))
    }

    /// `np.random.permutation(count)`.
    mutating func permutation(_ count: Int) -> [Int] {
        var values = Array(0..<count)
        guard count > 1 else { return values }
        for i in stride(from: count - 1, to: 0, by: -1) {
            values.swapAt(i, Int(interval(UInt32(i))))
        }
        return values
    }

    /// Uniform in 0...maximum: the smallest all-ones mask that covers `maximum`, and 32-bit
    /// draws rejected until the masked value is at most `maximum`.
    private mutating func interval(_ maximum: UInt32) -> UInt32 {
        guard maximum > 0 else { return 0 }
        var mask = maximum
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = twister.next32() & mask
            if value <= maximum { return value }
        }
    }
}
