/// One update rule's loop over a range of elements, written once for any `Lanes`: its
/// pointers are raw and its scalar factors are converted to `L.Scalar` (exactly: it is
/// `Scalar`) before the loop. `runVectorized` runs it with SIMD vectors over the body of the
/// buffers and with `ScalarLane` over the tail, so both compute the same bits per element.
protocol LaneKernel {
    associatedtype Scalar: BinaryFloatingPoint
    /// Updates the elements of `range`, `L.laneCount` at a time (the range's length is a
    /// multiple of it); `L.Scalar` is `Scalar`.
    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>)
}

extension LaneKernel {
    /// Runs the kernel over elements `0..<count`: whole vectors while they fit (for `Float`
    /// and `Double`), then one element at a time.
    @inline(__always)
    func runVectorized(count: Int) {
        runVectorized(over: 0..<count)
    }

    /// Runs the kernel over the elements of `range` (one block of a chain's pass), the same way.
    @inline(__always)
    func runVectorized(over range: Range<Int>) {
        var vectorEnd = range.lowerBound
        if Scalar.self == Float.self {
            vectorEnd = range.upperBound - range.count % SIMD8<Float>.laneCount
            run(SIMD8<Float>.self, over: range.lowerBound..<vectorEnd)
        } else if Scalar.self == Double.self {
            vectorEnd = range.upperBound - range.count % SIMD4<Double>.laneCount
            run(SIMD4<Double>.self, over: range.lowerBound..<vectorEnd)
        }
        run(ScalarLane<Scalar>.self, over: vectorEnd..<range.upperBound)
    }
}
