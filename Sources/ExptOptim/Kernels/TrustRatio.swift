/// The layer-wise trust ratio of LARS (You et al., 2017) and LAMB (You et al., 2020), as optax's
/// `scale_by_trust_ratio` forms it for one tensor with parameters θ and update u:
///
///     r = c ‖θ‖ / (‖u‖ + ε),   and r = 1 where ‖θ‖ = 0 or ‖u‖ = 0
///
/// computed in `Scalar`, the norms over the tensor's elements (`euclideanNorm`).
struct TrustRatio {
    /// c (LARS's trust coefficient η; 1 for LAMB).
    let coefficient: Double
    /// ε (0 for LAMB).
    let eps: Double

    /// The ratio of the tensor at `range` of the parameters and of the updates.
    func ratio<Scalar: BinaryFloatingPoint>(parameters: UnsafeRawPointer, updates: UnsafeRawPointer, _ range: Range<Int>) -> Scalar {
        let parameterNorm: Scalar = euclideanNorm(parameters, range)
        let updateNorm: Scalar = euclideanNorm(updates, range)
        if parameterNorm == 0 || updateNorm == 0 { return 1 }
        return Scalar(coefficient) * parameterNorm / (updateNorm + Scalar(eps))
    }
}
