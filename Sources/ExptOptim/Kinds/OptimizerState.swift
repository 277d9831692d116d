/// What an element-wise rule keeps between steps: its state arrays (allocated once, freed with
/// the optimizer), the number of steps taken, and a running product for rules that carry one
/// (a product of per-step momentum factors, say).
public final class OptimizerState<Scalar: BinaryFloatingPoint> {
    private let arrays: [UnsafeMutableBufferPointer<Scalar>]
    /// Steps taken so far, this one included while a step runs.
    public internal(set) var stepCount = 0
    /// A product over the steps so far, in `Scalar`; starts at 1.
    var runningProduct: Scalar = 1

    /// Arrays of `lengths`, every element `initialValue`.
    init(lengths: [Int], initialValue: Scalar) {
        arrays = lengths.map { length in
            let array = UnsafeMutableBufferPointer<Scalar>.allocate(capacity: length)
            array.initialize(repeating: initialValue)
            return array
        }
    }

    deinit {
        for array in arrays { array.deallocate() }
    }

    /// The first element's address of array `index`, for a `LaneKernel`; for an empty array
    /// (which a kernel never reads) an aligned address that is not dereferenced.
    subscript(index: Int) -> UnsafeMutableRawPointer {
        arrays[index].rawStart
    }
}
