import Foundation

/// Contour lines of a function over a rectangle, by marching squares on a regular grid: each
/// grid cell whose corners lie on both sides of a level gets a segment between the points where
/// its edges cross the level (found by linear interpolation).
enum Contours {
    /// The segments of `level` over the grid `values[row][column]` at the coordinates `xs`
    /// (columns) and `ys` (rows).
    static func segments(level: Double, values: [[Double]], xs: [Double], ys: [Double]) -> [((Double, Double), (Double, Double))] {
        var result: [((Double, Double), (Double, Double))] = []
        for row in 0..<(ys.count - 1) {
            for column in 0..<(xs.count - 1) {
                // Corners counter-clockwise from the lower left; an edge joins each to the next.
                let corners = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1)]
                var crossings: [(Double, Double)] = []
                for edge in 0..<4 {
                    let (c0, r0) = corners[edge], (c1, r1) = corners[(edge + 1) % 4]
                    let v0 = values[r0][c0], v1 = values[r1][c1]
                    guard v0.isFinite, v1.isFinite, (v0 < level) != (v1 < level) else { continue }
                    let t = (level - v0) / (v1 - v0)
                    crossings.append((xs[c0] + t * (xs[c1] - xs[c0]), ys[r0] + t * (ys[r1] - ys[r0])))
                }
                // Two crossings make one segment; four (a saddle) make two.
                for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
                    result.append((crossings[pair], crossings[pair + 1]))
                }
            }
        }
        return result
    }

    /// `count` levels between the grid's smallest and largest finite values: evenly spaced on a
    /// log scale when every value is positive and they span more than two decades (as on
    /// Rosenbrock's valley), linearly otherwise; the extremes themselves excluded.
    static func levels(_ values: [Double], count: Int) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else { return [] }
        let fractions = (1...count).map { Double($0) / Double(count + 1) }
        if low > 0 && high / low > 100 {
            return fractions.map { exp(log(low) + $0 * (log(high) - log(low))) }
        }
        return fractions.map { low + $0 * (high - low) }
    }
}
