import ExptData

extension FunctionSettings {
    /// λ_max of the function's Hessian at `point` by ``HessianPowerIteration`` on its analytic
    /// gradient in double precision, from the start vector (1, 1)/√2 (no randomness: every seed
    /// of a variant gives the same value). Exact up to rounding on the quadratic, whose gradient
    /// is linear.
    func sharpness(at point: [Double], iterations: Int) -> Double? {
        HessianPowerIteration(iterations: iterations, machineEpsilon: Double.ulpOfOne)
            .largestEigenvalue(at: point, start: [1, 1]) { at, into in
                at.withUnsafeBufferPointer { p in
                    into.withUnsafeMutableBufferPointer { g in gradient(at: p, into: g) }
                }
            }
    }
}
