/// ‖x‖ = √(Σ xᵢ²) of a tensor's elements, summed in `Scalar` in storage order: the per-tensor
/// norm of the trust ratios (LARS, LAMB) and of Adafactor's scale and clipping.
func euclideanNorm<Scalar: BinaryFloatingPoint>(_ base: UnsafeRawPointer, _ range: Range<Int>) -> Scalar {
    let values = base.assumingMemoryBound(to: Scalar.self)
    var sum: Scalar = 0
    for i in range { sum += values[i] * values[i] }
    return sum.squareRoot()
}
