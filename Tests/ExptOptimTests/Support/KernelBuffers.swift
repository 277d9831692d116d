@testable import ExptOptim

/// The buffers a kernel updates, filled with ordinary values mixed with every kind of special
/// one, starting `offset` elements into their allocation (so the loops also see addresses that
/// are not 16-byte aligned).
final class KernelBuffers {
    let count: Int
    private let offset: Int
    private let storage: [UnsafeMutableBufferPointer<Float>]

    /// NaN, ±∞, ±0, subnormals, the extremes of Float and values near the ends of its range.
    static let specials: [Float] = [
        .nan, .infinity, -.infinity, 0, -0, .leastNonzeroMagnitude, -Float.leastNormalMagnitude / 3,
        .greatestFiniteMagnitude, -1e30, 1e-30, 1e20, -Float.leastNormalMagnitude, 3e-39,
    ]

    /// Five buffers of `count` elements (parameters, gradients and three state buffers), the same
    /// for the same `seed`: every seventh element of each is a special value, the rest uniform in
    /// [−2, 2); in the state buffers made non-negative (as sums of squares are) except every fifth.
    init(count: Int, offset: Int, seed: UInt64) {
        self.count = count
        self.offset = offset
        var generator = TestGenerator(seed: seed)
        storage = (0..<5).map { buffer in
            let memory = UnsafeMutableBufferPointer<Float>.allocate(capacity: count + offset)
            for i in memory.indices {
                let special = Self.specials[(i + buffer * 3) % Self.specials.count]
                let ordinary = Float(generator.next(in: -2, 2))
                memory[i] = i % 7 == buffer ? special : buffer >= 2 && i % 5 != 0 ? abs(ordinary) : ordinary
            }
            return memory
        }
    }

    deinit {
        for memory in storage { memory.deallocate() }
    }

    var parameters: UnsafeMutableRawPointer { start(0) }
    var gradients: UnsafeRawPointer { UnsafeRawPointer(start(1)) }
    /// State buffer 0, 1 or 2 (moments, sums, momentum: whichever the rule keeps).
    func state(_ index: Int) -> UnsafeMutableRawPointer { start(2 + index) }
    /// A step over the parameters and gradients with `weightDecay`.
    func step(_ weightDecay: WeightDecayMode<Float>) -> RuleStep<Float> {
        RuleStep(parameters: parameters, gradients: gradients, weightDecay: weightDecay)
    }
    /// The moments of an Adam-like rule in state buffers 0 and 1, decaying at `beta1` and β₂ = 0.999.
    func moments(beta1: Double) -> TwoMoments<Float> { TwoMoments(first: state(0), second: state(1), beta1: beta1, beta2: 0.999) }

    /// Draws a new gradient for the next step: uniform in [−1, 1), with a special value every
    /// eleventh element, shifted by `step`.
    func drawGradients(step: Int, seed: UInt64) {
        var generator = TestGenerator(seed: seed &+ UInt64(step) &* 1_000_003)
        let gradients = storage[1]
        for i in gradients.indices {
            gradients[i] = (i + step) % 11 == 0 ? Self.specials[(i / 11 + step) % Self.specials.count] : Float(generator.next(in: -1, 1))
        }
    }

    /// The first element of buffer `index` where `self` and `other` differ (a NaN equals any NaN:
    /// LLVM keeps NaN-ness but not the payload or sign of a NaN), or nil.
    func firstDifference(from other: KernelBuffers) -> (buffer: Int, element: Int, mine: Float, theirs: Float)? {
        for buffer in storage.indices {
            for i in offset..<(count + offset) {
                let mine = storage[buffer][i], theirs = other.storage[buffer][i]
                if mine.isNaN ? !theirs.isNaN : mine.bitPattern != theirs.bitPattern {
                    return (buffer, i - offset, mine, theirs)
                }
            }
        }
        return nil
    }

    private func start(_ buffer: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(storage[buffer].baseAddress! + offset)
    }
}
