import Foundation

/// The eigenvalue of largest magnitude of the Hessian H of a loss L at a point θ, by power
/// iteration on Hessian-vector products taken as central differences of gradients:
///
///     Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε,   ε = ∛u · (1 + ‖θ‖),  ‖v‖ = 1,
///
/// where u is the machine epsilon of the precision the gradient is computed in (2⁻²³ for a
/// network's Float, 2⁻⁵² for a test function's Double): the step that balances the rounding
/// error of the gradients (∝ u/ε) against the truncation error (∝ ε², nil on a quadratic).
/// Everything else is in double precision.
///
/// From a unit start v₀, each iteration takes w = Hv_k, the Rayleigh quotient λ_k = v_kᵀw and
/// v_{k+1} = w / ‖w‖; it stops after `iterations` products, or as soon as
/// |λ_k − λ_{k−1}| ≤ 10⁻⁶ |λ_k|. The result is the last λ_k. At a minimum, where H is positive
/// semi-definite, it is λ_max, the sharpness.
public struct HessianPowerIteration: Sendable {
    /// The most Hessian-vector products.
    public var iterations: Int
    /// The machine epsilon u of the gradient's precision.
    public var machineEpsilon: Double
    /// The relative change of λ at which the iteration stops.
    public static let tolerance = 1e-6

    public init(iterations: Int, machineEpsilon: Double) {
        precondition(iterations > 0, "power iteration needs at least one product")
        self.iterations = iterations
        self.machineEpsilon = machineEpsilon
    }

    /// The estimate, or nil when a gradient is not finite or the products vanish (H v = 0).
    /// `gradient(point, into)` writes ∇L at `point` into `into` (of the point's length).
    public func largestEigenvalue(at point: [Double], start: [Double],
                                  gradient: (_ point: [Double], _ into: inout [Double]) -> Void) -> Double? {
        precondition(start.count == point.count, "the start vector has the point's length")
        let epsilon = cbrt(machineEpsilon) * (1 + Self.norm(point))
        var v = start
        guard Self.normalize(&v) else { return nil }
        var plus = [Double](repeating: 0, count: point.count)
        var minus = plus
        var shifted = point
        var lambda: Double?
        for _ in 0..<iterations {
            for i in point.indices { shifted[i] = point[i] + epsilon * v[i] }
            gradient(shifted, &plus)
            for i in point.indices { shifted[i] = point[i] - epsilon * v[i] }
            gradient(shifted, &minus)
            var product = 0.0
            for i in point.indices {
                plus[i] = (plus[i] - minus[i]) / (2 * epsilon)
                product += v[i] * plus[i]
            }
            guard product.isFinite else { return nil }
            let previous = lambda
            lambda = product
            v = plus
            guard Self.normalize(&v) else { return product }
            if let previous, abs(product - previous) <= Self.tolerance * abs(product) { break }
        }
        return lambda
    }

    static func norm(_ x: [Double]) -> Double {
        x.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Scales `x` to unit length; false when its length is 0 or not finite.
    private static func normalize(_ x: inout [Double]) -> Bool {
        let length = norm(x)
        guard length > 0, length.isFinite else { return false }
        for i in x.indices { x[i] /= length }
        return true
    }
}
