/// Helpers shared by the update rules: state memory and torch's element-wise kernels.
extension UnsafeMutableBufferPointer where Element: BinaryFloatingPoint {
    /// A buffer of `count` elements, all set to `value`; the caller deallocates it.
    static func filled(_ count: Int, with value: Element = 0) -> Self {
        let buffer = Self.allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }
}

/// torch's `lerp(start, end, weight)`: `start + weight (end − start)` when |weight| < 0.5,
/// else `end − (end − start)(1 − weight)`, which is exact at weight 1.
@inline(__always)
func lerp<T: BinaryFloatingPoint>(_ start: T, _ end: T, _ weight: T) -> T {
    abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
}

/// torch's `maximum`: the larger value, NaN when either is NaN (Swift's `max` may drop a NaN).
@inline(__always)
func maximum<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
    a > b || a.isNaN ? a : b
}

/// Decoupled weight decay, torch's `param.mul_(1 − lr · weight_decay)`: a loop of its own
/// before the update's, which keeps the update's loop free of a branch (twice as fast for Adam).
@inline(__always)
func scale<T: BinaryFloatingPoint>(_ parameters: UnsafeMutableBufferPointer<T>, by factor: T) {
    for i in 0..<parameters.count { parameters[i] *= factor }
}

extension UnsafeMutableBufferPointer {
    /// The first element's address for a `LaneKernel`; for an empty buffer (which a kernel
    /// never reads) an aligned address that is not dereferenced.
    var rawStart: UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!)
    }
}

extension UnsafeBufferPointer {
    /// The first element's address for a `LaneKernel` (see `UnsafeMutableBufferPointer.rawStart`).
    var rawStart: UnsafeRawPointer {
        UnsafeRawPointer(baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!)
    }
}
