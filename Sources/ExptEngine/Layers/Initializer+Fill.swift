/// Drawing a weight matrix.
extension Initializer {
    /// Fills the `rows` x `columns` row-major matrix at `weights`, drawing from `generator` in
    /// storage order. He and Xavier use `fanIn` and `fanOut`; orthogonal makes the columns
    /// orthonormal when rows ≥ columns, the rows otherwise.
    func fill(_ weights: UnsafeMutablePointer<Float>, rows: Int, columns: Int, fanIn: Int, fanOut: Int,
              generator: inout SeededGenerator) {
        let count = rows * columns
        switch self {
        case .he:
            let standardDeviation = (2 / Double(fanIn)).squareRoot()
            for i in 0..<count { weights[i] = Float(generator.nextGaussian() * standardDeviation) }
        case .xavier:
            let limit = (6 / Double(fanIn + fanOut)).squareRoot()
            for i in 0..<count { weights[i] = Float(generator.nextDouble(in: -limit, limit)) }
        case .orthogonal:
            Self.fillOrthogonal(weights, rows: rows, columns: columns, generator: &generator)
        case .zeros:
            weights.update(repeating: 0, count: count)
        }
    }

    /// Modified Gram-Schmidt, in Double, on min(rows, columns) Gaussian vectors of length
    /// max(rows, columns); each vector has a positive component along its own draw, which is
    /// QR with R's diagonal made positive (as torch's `orthogonal_`).
    private static func fillOrthogonal(_ weights: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
                                       generator: inout SeededGenerator) {
        let length = max(rows, columns), count = min(rows, columns)
        var vectors = [[Double]]()
        vectors.reserveCapacity(count)
        while vectors.count < count {
            var v = (0..<length).map { _ in generator.nextGaussian() }
            for u in vectors {
                let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<length { v[i] -= dot * u[i] }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 1e-10 else { continue }  // a draw (almost) in the span: draw again
            vectors.append(v.map { $0 / norm })
        }
        for row in 0..<rows {
            for column in 0..<columns {
                let value = rows >= columns ? vectors[column][row] : vectors[row][column]
                weights[row * columns + column] = Float(value)
            }
        }
    }
}
