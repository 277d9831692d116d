import ExptEngine

/// Floating-point operations of one training step, counted from the matrix products of the
/// mathematics (2 per multiply-add), whatever the engine does to compute them; elementwise work
/// (activations, pooling, the loss, the optimizer) is left out, as it is in PyTorch's own counts.
///
/// Per layer, for a batch of B examples:
/// - dense (n → m): forward `x W` 2·B·n·m; backward `xᵀ dz` 2·B·n·m and, except for the first
///   layer, `dz Wᵀ` 2·B·n·m.
/// - conv2d (C channels, F filters, k x k, output H' x W'): forward 2·B·H'·W'·F·C·k²; backward the
///   weight gradient the same and, except for the first layer, the input gradient the same.
/// - rnn, gru, lstm (T steps, f features, u units, g gates): input projection 2·B·T·f·g·u, hidden
///   projection 2·B·(T − 1)·u·g·u (the state before the first step is zero, so its product is not
///   counted); backward the weight gradients of both (the same counts), the carried hidden gradient
///   2·B·(T − 1)·g·u·u and, except for the first layer, the input gradient 2·B·T·f·g·u.
enum FlopCount {
    static func trainingStep(inputShape: [Int], layers: [LayerSpec], batchSize: Int) throws -> Double {
        let shapes = try ModelShape.infer(inputShape: inputShape, layers: layers)
        let batch = Double(batchSize)
        var total = 0.0
        var seenParameters = false
        for (layer, shape) in zip(layers, shapes) {
            // Backward passes (input gradients) stop at the first layer with parameters.
            let passes = seenParameters ? 3.0 : 2.0
            switch layer.settings {
            case let dense as DenseSpec:
                total += passes * 2 * batch * Double(shape.input.reduce(1, *)) * Double(dense.units)
            case let conv as Conv2DSpec:
                let area = Double(shape.output[1] * shape.output[2])
                let patch = Double(shape.input[0] * conv.kernel * conv.kernel)
                total += passes * 2 * batch * area * Double(conv.filters) * patch
            case let recurrent as RecurrentSpec:
                let (steps, features) = (Double(shape.input[0]), Double(shape.input[1]))
                let rows = Double(recurrentGates(recurrent.cell) * recurrent.units)
                let units = Double(recurrent.units)
                total += passes * 2 * batch * steps * features * rows
                total += 3 * 2 * batch * (steps - 1) * units * rows
            default:
                continue
            }
            seenParameters = true
        }
        return total
    }

    private static func recurrentGates(_ cell: RecurrentSpec.Cell) -> Int {
        switch cell {
        case .rnn: 1
        case .gru: 3
        case .lstm: 4
        }
    }
}
