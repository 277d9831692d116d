internal import CKernels

/// The quintic Newton–Schulz iteration of Muon (Jordan et al., 2024), as torch.optim.Muon's
/// `_zeropower_via_newtonschulz`: it maps a matrix G = U S Vᵀ to roughly U S′ Vᵀ with S′ near
/// the identity (its entries fall in about [0.7, 1.2]), orthogonalising G without an SVD.
///
/// For a matrix X with no more rows than columns (torch transposes a tall one first and the
/// result back):
///
///     X ← X / max(‖X‖_F, ε)
///     repeat k times:  A ← X Xᵀ;  B ← b A + c A A;  X ← a X + B X
///
/// with (a, b, c) = (3.4445, −4.7750, 2.0315). Every product is computed in `Scalar`, the
/// parameters' precision: torch 2.13 casts the matrix to bfloat16 first, on every device.
/// `Float` products run through expt's `expt_sgemm` (the same bits on every CPU), others
/// through plain loops.
struct NewtonSchulz<Scalar: BinaryFloatingPoint> {
    /// torch's (and Keller Jordan's) coefficients (a, b, c).
    static var coefficients: (a: Scalar, b: Scalar, c: Scalar) { (3.4445, -4.7750, 2.0315) }

    /// Rows of the matrix iterated on: the smaller dimension.
    let rows: Int
    /// Columns: the larger dimension.
    let columns: Int
    let steps: Int
    let eps: Scalar
    /// X (rows × columns), X Xᵀ and (X Xᵀ)² (rows × rows), and B X (rows × columns), row-major.
    private var x: [Scalar]
    private var gram: [Scalar]
    private var gramSquared: [Scalar]
    private var product: [Scalar]

    /// The iteration for matrices of `rows` × `columns` (in either order).
    init(rows: Int, columns: Int, steps: Int, eps: Double) {
        self.rows = min(rows, columns)
        self.columns = max(rows, columns)
        self.steps = steps
        self.eps = Scalar(eps)
        x = Array(repeating: 0, count: rows * columns)
        gram = Array(repeating: 0, count: self.rows * self.rows)
        gramSquared = gram
        product = x
    }

    /// Orthogonalises the wide matrix held in `matrix` (row-major, `rows` × `columns`) in place.
    mutating func orthogonalise(_ matrix: inout [Scalar]) {
        swap(&x, &matrix)
        var squares: Scalar = 0
        for value in x { squares += value * value }
        let norm = Swift.max(squares.squareRoot(), eps)
        for index in x.indices { x[index] /= norm }
        let (a, b, c) = Self.coefficients
        for _ in 0..<steps {
            Self.multiply(x, x, transposingRight: true, into: &gram, rows: rows, inner: columns, columns: rows)
            Self.multiply(gram, gram, transposingRight: false, into: &gramSquared, rows: rows, inner: rows, columns: rows)
            for index in gram.indices { gram[index] = b * gram[index] + c * gramSquared[index] }
            Self.multiply(gram, x, transposingRight: false, into: &product, rows: rows, inner: rows, columns: columns)
            for index in x.indices { x[index] = a * x[index] + product[index] }
        }
        swap(&x, &matrix)
    }

    /// `result` = `left` (rows × inner) · `right` (inner × columns, or its transpose stored
    /// columns × inner), row-major.
    private static func multiply(_ left: [Scalar], _ right: [Scalar], transposingRight: Bool, into result: inout [Scalar],
                                 rows: Int, inner: Int, columns: Int) {
        if Scalar.self == Float.self {
            left.withUnsafeBufferPointer { left in
                right.withUnsafeBufferPointer { right in
                    result.withUnsafeMutableBufferPointer { result in
                        expt_sgemm(expt_cpu_isa(), false, transposingRight, rows, columns, inner, 1, UnsafeRawPointer(left.baseAddress!).floats, inner,
                                   UnsafeRawPointer(right.baseAddress!).floats, transposingRight ? inner : columns, 0,
                                   UnsafeMutableRawPointer(result.baseAddress!).floats, columns)
                    }
                }
            }
            return
        }
        for row in 0..<rows {
            for column in 0..<columns {
                var sum: Scalar = 0
                for k in 0..<inner {
                    sum += left[row * inner + k] * (transposingRight ? right[column * inner + k] : right[k * columns + column])
                }
                result[row * columns + column] = sum
            }
        }
    }
}
