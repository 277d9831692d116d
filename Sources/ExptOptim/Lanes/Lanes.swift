/// What an update rule computes with, written once for both: a SIMD vector of scalars for the
/// body of a buffer, or one scalar for its tail (`ScalarLane`). Every operation is the IEEE
/// operation of each lane, so a rule gives the same bits, element by element, either way.
protocol Lanes {
    associatedtype Scalar: BinaryFloatingPoint
    /// Scalars per value: 8 Floats or 4 Doubles (32 bytes), or 1.
    static var laneCount: Int { get }
    init(repeating value: Scalar)
    /// The `laneCount` scalars from element `index` of `base` on.
    init(loadingFrom base: UnsafeRawPointer, at index: Int)
    /// Writes the lanes to element `index` of `base` on.
    func store(to base: UnsafeMutableRawPointer, at index: Int)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    func squareRoot() -> Self
    /// |x| of each lane: the sign bit cleared, as torch's `abs`.
    func absoluteValue() -> Self
    /// torch's `maximum`: the larger lane, NaN when either is NaN (Swift's `max` may drop a NaN).
    static func maximum(_ a: Self, _ b: Self) -> Self
    /// 1, −1 or 0 (for 0, −0 and NaN) per lane, as `x > 0 ? 1 : x < 0 ? −1 : 0`.
    func signum() -> Self
}

extension Lanes {
    /// Every lane set to `value`, rounded to `Scalar`.
    init(_ value: some BinaryFloatingPoint) {
        self.init(repeating: Scalar(value))
    }

    /// torch's `lerp(start, end, weight)`: `start + weight (end − start)` when |weight| < 0.5,
    /// else `end − (end − start)(1 − weight)`, which is exact at weight 1.
    @inline(__always)
    static func lerp(_ start: Self, _ end: Self, _ weight: Scalar) -> Self {
        abs(weight) < 0.5 ? start + Self(repeating: weight) * (end - start) : end - (end - start) * Self(repeating: 1 - weight)
    }
}

/// A single scalar as `Lanes`: the tail of a buffer after its last whole vector, and every
/// element for a scalar type without a vector here.
struct ScalarLane<Scalar: BinaryFloatingPoint>: Lanes {
    var value: Scalar

    static var laneCount: Int { 1 }

    @inline(__always) init(repeating value: Scalar) { self.value = value }

    @inline(__always) init(loadingFrom base: UnsafeRawPointer, at index: Int) {
        value = base.assumingMemoryBound(to: Scalar.self)[index]
    }

    @inline(__always) func store(to base: UnsafeMutableRawPointer, at index: Int) {
        base.assumingMemoryBound(to: Scalar.self)[index] = value
    }

    @inline(__always) static func + (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value + rhs.value) }
    @inline(__always) static func - (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value - rhs.value) }
    @inline(__always) static func * (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value * rhs.value) }
    @inline(__always) static func / (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value / rhs.value) }
    @inline(__always) func squareRoot() -> Self { Self(repeating: value.squareRoot()) }
    @inline(__always) func absoluteValue() -> Self { Self(repeating: value.magnitude) }

    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self {
        a.value > b.value || a.value.isNaN ? a : b
    }

    @inline(__always) func signum() -> Self {
        Self(repeating: value > 0 ? 1 : value < 0 ? -1 : 0)
    }
}
