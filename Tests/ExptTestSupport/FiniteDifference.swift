import Testing

/// The central finite difference (f(x + h) − f(x − h)) / (2h) of `f` with respect to element
/// `index` of `values`. The perturbation is made in Float, and the quotient divides by the
/// step actually taken (after rounding), so only the loss's own rounding remains as noise.
public func centralDifference(of values: UnsafeMutablePointer<Float>, at index: Int, step: Float, _ f: () -> Double) -> Double {
    let original = values[index]
    let plus = original + step
    let minus = original - step
    values[index] = plus
    let fPlus = f()
    values[index] = minus
    let fMinus = f()
    values[index] = original
    return (fPlus - fMinus) / (Double(plus) - Double(minus))
}

/// Expects `analytic` to match `numeric` within a relative error of `relative`, with an absolute
/// floor for gradients near zero (where a relative error means nothing):
/// |analytic − numeric| ≤ relative · max(|analytic|, |numeric|) + absolute.
public func expectGradient(
    _ analytic: Float, _ numeric: Double, relative: Double = 1e-2, absolute: Double = 1e-4,
    _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let error = abs(Double(analytic) - numeric)
    let scale = max(abs(Double(analytic)), abs(numeric))
    #expect(error <= relative * scale + absolute,
            "\(what()): analytic \(analytic), numeric \(numeric)", sourceLocation: sourceLocation)
}
