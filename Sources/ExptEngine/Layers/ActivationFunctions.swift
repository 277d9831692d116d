import Foundation

/// The forward and backward passes of each activation, over raw rows in place.
///
/// Every derivative is written in terms of the activation's output `a = f(z)` (relu: a > 0,
/// tanh: 1 − a², sigmoid: a (1 − a)), so a layer keeps only its outputs, not its pre-activations.
extension Activation {
    /// Replaces each `z` of the `rows` x `columns` block `values` by `f(z + bias[column])`.
    func forward(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>) {
        switch self {
        case .identity: Self.map(values, rows: rows, columns: columns, bias: bias) { $0 }
        case .relu: Self.map(values, rows: rows, columns: columns, bias: bias) { max($0, 0) }
        case .tanh: Self.map(values, rows: rows, columns: columns, bias: bias) { Foundation.tanh($0) }
        case .sigmoid: Self.map(values, rows: rows, columns: columns, bias: bias, Self.sigmoid)
        }
    }

    /// Turns `gradient`, the loss gradient with respect to the outputs `output`, into the
    /// gradient with respect to the pre-activations, in place (multiplying by f′).
    func backward(gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int) {
        switch self {
        case .identity:
            return
        case .relu:
            for i in 0..<count where output[i] <= 0 { gradient[i] = 0 }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - output[i] * output[i] }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= output[i] * (1 - output[i]) }
        }
    }

    /// The logistic function, without overflow for large |z|.
    static func sigmoid(_ z: Float) -> Float {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    @inline(__always)
    private static func map(
        _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>,
        _ f: (Float) -> Float
    ) {
        for row in 0..<rows {
            let start = values + row * columns
            for column in 0..<columns { start[column] = f(start[column] + bias[column]) }
        }
    }
}
