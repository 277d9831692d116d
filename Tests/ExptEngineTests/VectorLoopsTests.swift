import Testing
@testable import ExptEngine

/// The sixteen-lane loops give exactly the scalar results, in the vector part and in the tail
/// (19 values: one vector of 16, then 3 scalars).
struct VectorLoopsTests {
    /// relu as Swift's `max(z, 0)`: −0 becomes +0, NaN stays NaN, in both parts.
    @Test func reluMatchesSwiftsMax() {
        let pattern: [Float] = [-1, -0.0, 0, 2.5, .nan, -.infinity, .infinity, 1e-40, -1e-40]
        var values = (0..<19).map { pattern[$0 % pattern.count] }
        let expected = values.map { max($0, 0) }
        VectorLoops.relu(&values, count: values.count)
        #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func reluMaskZeroesWhereTheOutputIsNotPositive() {
        let pattern: [Float] = [0, 1, -1]
        let output = (0..<19).map { pattern[$0 % 3] }
        var gradient: [Float] = (0..<19).map { Float($0) + 1 }
        VectorLoops.reluMask(&gradient, output: output, count: 19)
        let expected: [Float] = (0..<19).map { index in index % 3 == 1 ? Float(index + 1) : 0 }
        #expect(gradient == expected)
    }

    /// Row r, column c holds r·100 + c: column c sums to 300 + 3c over three rows; the bias adds 0.5·c.
    @Test func columnSumsAndRowBias() {
        let (rows, columns) = (3, 19)
        var values = (0..<rows * columns).map { Float(($0 / columns) * 100 + $0 % columns) }
        var sums = [Float](repeating: .nan, count: columns)
        columnSums(values, rows: rows, columns: columns, into: &sums)
        #expect(sums == (0..<columns).map { Float(300 + 3 * $0) })
        let bias = (0..<columns).map { Float($0) * 0.5 }
        addRowBias(&values, rows: rows, columns: columns, bias: bias, instructionSet: .widest)
        let biased: [Float] = (0..<rows * columns).map { index in
            let (row, column) = (index / columns, index % columns)
            return Float(row * 100 + column) + Float(column) * 0.5
        }
        #expect(values == biased)
        // The first row is now 1.5·c: 1.5 · (0 + 1 + … + 18) = 256.5, exact in Float.
        #expect(VectorLoops.sum(values, count: 19) == 256.5)
    }
}
