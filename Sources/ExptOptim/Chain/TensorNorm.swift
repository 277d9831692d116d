/// The L2 norm of part of a buffer, its squares summed in double precision: what the
/// whole-update transformations measure (a global norm, a tensor's norm).
enum TensorNorm {
    static func euclidean<Scalar: BinaryFloatingPoint>(_ values: UnsafeBufferPointer<Scalar>, in range: Range<Int>) -> Double {
        var sum = 0.0
        for i in range {
            let x = Double(values[i])
            sum += x * x
        }
        return sum.squareRoot()
    }
}
