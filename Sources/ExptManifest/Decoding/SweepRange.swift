#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A range of a sweep, `{from, to, count, log}`: the value at a fraction t of the way from
/// `from` to `to`, evenly in value, or in its logarithm with `log`.
///
/// Integer bounds lie within ±``largestInteger`` (the decoder checks it), so every value, which
/// lies between the bounds, converts to `Int` exactly.
struct SweepRange {
    /// The largest magnitude of an integer bound: 2^53, the last integer from which every smaller
    /// one is a `Double`.
    static let largestInteger = 9_007_199_254_740_992.0

    var from: Double
    var to: Double
    var log: Bool
    /// Both bounds are integers: values are rounded to the nearest integer.
    var integers: Bool
    /// The number of grid values; nil for random draws.
    var count: Int?

    /// A generated value and its YAML text.
    struct Value {
        var number: Double
        var text: String
    }

    /// The value at t in [0, 1]: `from + t (to − from)`, or `10^(log10 from + t (log10 to − log10 from))`
    /// with `log`; exactly `from` at 0 and `to` at 1. When `to − from` overflows to infinity,
    /// `(1 − t) from + t to`, which does not.
    func value(at t: Double) -> Value {
        var number = if t == 0 {
            from
        } else if t == 1 {
            to
        } else if log {
            pow(10, log10(from) + t * (log10(to) - log10(from)))
        } else if (to - from).isFinite {
            from + t * (to - from)
        } else {
            (1 - t) * from + t * to
        }
        if integers {
            number = number.rounded(.toNearestOrAwayFromZero)
            return Value(number: number, text: String(Int(number)))
        }
        return Value(number: number, text: "\(number)")
    }
}
