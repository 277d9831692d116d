/// ‖x‖ = √(Σ xᵢ²) of a tensor's elements in `Scalar`: the per-tensor norm of the trust ratios
/// (LARS, LAMB) and of Adafactor's scale and clipping. The squares go into eight running sums
/// in turn (element k of each group of eight into sum k), added pairwise at the end, then the
/// elements after the last whole group one by one: eight independent additions per group
/// instead of one chain, and a fixed order of operations whatever the machine.
func euclideanNorm<Scalar: BinaryFloatingPoint>(_ base: UnsafeRawPointer, _ range: Range<Int>) -> Scalar {
    let x = base.assumingMemoryBound(to: Scalar.self)
    var (s0, s1, s2, s3, s4, s5, s6, s7) = (Scalar(0), Scalar(0), Scalar(0), Scalar(0), Scalar(0), Scalar(0), Scalar(0), Scalar(0))
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
        s0 += x[i] * x[i]
        s1 += x[i + 1] * x[i + 1]
        s2 += x[i + 2] * x[i + 2]
        s3 += x[i + 3] * x[i + 3]
        s4 += x[i + 4] * x[i + 4]
        s5 += x[i + 5] * x[i + 5]
        s6 += x[i + 6] * x[i + 6]
        s7 += x[i + 7] * x[i + 7]
        i += 8
    }
    var sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
    while i < range.upperBound {
        sum += x[i] * x[i]
        i += 1
    }
    return sum.squareRoot()
}
