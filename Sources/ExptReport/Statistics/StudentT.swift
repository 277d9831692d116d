import Foundation

/// Student's t distribution: its distribution function and quantiles, computed (not looked up
/// in a table) so that a confidence interval is right for any number of seeds.
///
/// The distribution function goes through the regularized incomplete beta function,
/// F(t; ν) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (Abramowitz and Stegun 26.7.1), and the beta
/// function through its continued fraction evaluated by the modified Lentz method (Numerical
/// Recipes, 3rd ed., §6.4). The quantile inverts F by bisection, which cannot fail to converge;
/// 200 halvings of the bracket reach the spacing of doubles.
enum StudentT {
    /// P(T ≤ t) for T with `degreesOfFreedom` (> 0) degrees of freedom.
    static func cumulativeProbability(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = `probability`, for a probability in (0, 1):
    /// `quantile(0.975, degreesOfFreedom: 9)` is 2.262157.
    static func quantile(_ probability: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(probability > 0 && probability < 1 && nu > 0, "quantile needs p in (0, 1) and ν > 0")
        if probability < 0.5 { return -quantile(1 - probability, degreesOfFreedom: nu) }
        var low = 0.0, high = 1.0
        while cumulativeProbability(high, degreesOfFreedom: nu) < probability { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if cumulativeProbability(middle, degreesOfFreedom: nu) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), the regularized incomplete beta function, for x in [0, 1] and a, b > 0.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logPowers - logBeta
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the
        // symmetry I_x(a, b) = 1 − I_{1−x}(b, a) on the other side.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of I_x(a, b), by the modified Lentz method.
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            // The even step, then the odd step of the fraction.
            let even: Double = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd: Double = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return result
    }
}
