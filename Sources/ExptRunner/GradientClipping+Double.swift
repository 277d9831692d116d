import ExptOptim

extension GradientClipping {
    /// Clips a gradient held in double precision (a 2D test function's) in place, by the same
    /// rules as the single-precision ``GradientClipping/apply(to:)`` with the norm and scale in
    /// double precision:
    ///
    ///     maxNorm set and ‖g‖ > maxNorm:  g ← g · maxNorm / (‖g‖ + 1e-6)
    ///     maxValue set:                   g ← min(max(g, −maxValue), maxValue)
    ///
    /// and returns the norm before clipping.
    @discardableResult
    func apply(to gradients: UnsafeMutableBufferPointer<Double>) -> Double {
        let norm = gradients.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let scale = maxNorm.map { norm > $0 ? $0 / (norm + Self.normEpsilon) : 1 } ?? 1
        let bound = maxValue ?? .infinity
        for i in gradients.indices {
            gradients[i] = min(max(gradients[i] * scale, -bound), bound)
        }
        return norm
    }
}
