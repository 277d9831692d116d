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

    /// The arrays (`0`, `1`, …), the step count (`steps`) and the running product.
    var snapshot: OptimizerSnapshot {
        var snapshot = OptimizerSnapshot(scalars: ["steps": Double(stepCount), "running_product": Double(runningProduct)])
        for (index, array) in arrays.enumerated() { snapshot.save(UnsafeBufferPointer(array), as: "\(index)") }
        return snapshot
    }

    /// The arrays, step count and running product of `snapshot`, checked against this state's lengths.
    func checked(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) -> (arrays: [[Double]], steps: Int, product: Double) {
        var values: [[Double]] = []
        for (index, array) in arrays.enumerated() { values.append(try snapshot.array("\(index)", count: array.count)) }
        return (values, try snapshot.count("steps"), try snapshot.scalar("running_product"))
    }

    /// Puts back what ``snapshot`` saved from a state of the same lengths.
    func restore(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        let (values, steps, product) = try checked(snapshot)
        for (array, saved) in zip(arrays, values) { array.load(saved) }
        stepCount = steps
        runningProduct = Scalar(product)
    }
}
