import Testing

/// Expects `actual` to equal `expected` element by element within an absolute `tolerance`:
/// |aᵢ − eᵢ| ≤ tolerance, and the same count. Float values are compared as Doubles.
public func expectClose<Actual: BinaryFloatingPoint, Expected: BinaryFloatingPoint>(
    _ actual: [Actual], _ expected: [Expected], tolerance: Double = 1e-6,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() where !(abs(Double(a) - Double(e)) <= tolerance) {
        Issue.record("value \(index): \(a), expected \(e) within \(tolerance)\n\(actual)\nagainst \(expected)",
                     sourceLocation: sourceLocation)
    }
}

/// Expects `actual` within a relative `tolerance` of `expected`: |a − e| ≤ tolerance · |e|
/// (with |e| at least 1e-300, so that an expected 0 asks for 0 or a denormal).
public func expectRelativelyClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12, _ comment: Comment? = nil,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= tolerance * max(abs(expected), 1e-300), comment, sourceLocation: sourceLocation)
}
