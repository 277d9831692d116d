/// Layer normalisation over the last axis, as torch's `LayerNorm(features, eps)`: for each
/// row x of `features` values (each position of each example), with μ its mean and σ² its
/// biased variance, `x̂ = (x − μ) / √(σ² + ε)` and `y = γ ⊙ x̂ + β`.
///
/// Layout: γ (`weight`, `features` values, starting at 1) then β (`bias`, starting at 0).
/// Backward, with r = 1 / √(σ² + ε) and g = dy ⊙ γ:
/// dx = r (g − mean(g) − x̂ mean(g ⊙ x̂)), dγ = Σ dy ⊙ x̂, dβ = Σ dy over the rows.
final class LayerNormLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let features: Int
    let epsilon: Float
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    /// x̂ of the last forward, and r per row.
    private let normalized: FloatBuffer
    private let inverseDeviation: FloatBuffer
    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let scale: UnsafeMutablePointer<Float>
    private let shift: UnsafeMutablePointer<Float>
    private let scaleGradient: UnsafeMutablePointer<Float>
    private let shiftGradient: UnsafeMutablePointer<Float>

    /// A layer over examples of `inputSize` values, normalising rows of `features`; its γ and β
    /// live in `parameters` from `offset` on.
    init(inputSize: Int, features: Int, epsilon: Float, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int,
         maxBatchSize: Int) {
        precondition(features > 0 && inputSize % features == 0, "a layer norm's rows must divide its input")
        precondition(offset + 2 * features <= parameters.count, "layer parameters out of bounds")
        self.inputSize = inputSize
        self.features = features
        self.epsilon = epsilon
        self.parameters = parameters
        self.gradients = gradients
        scale = parameters.pointer + offset
        shift = scale + features
        scaleGradient = gradients.pointer + offset
        shiftGradient = scaleGradient + features
        output = FloatBuffer(count: maxBatchSize * inputSize)
        outputGradient = FloatBuffer(count: maxBatchSize * inputSize)
        normalized = FloatBuffer(count: maxBatchSize * inputSize)
        inverseDeviation = FloatBuffer(count: maxBatchSize * inputSize / features)
    }

    /// γ = 1, β = 0, as torch; draws nothing.
    func initialize(generator: inout SeededGenerator) {
        scale.update(repeating: 1, count: features)
        shift.update(repeating: 0, count: features)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let rows = batchSize * inputSize / features
        let n = Float(features)
        for row in 0..<rows {
            let x = input + row * features, xHat = normalized.pointer + row * features, y = output.pointer + row * features
            let mean = VectorLoops.sum(x, count: features) / n
            var variance: Float = 0
            for j in 0..<features {
                let centred = x[j] - mean
                xHat[j] = centred
                variance += centred * centred
            }
            let r = 1 / (variance / n + epsilon).squareRoot()
            inverseDeviation[row] = r
            for j in 0..<features {
                xHat[j] *= r
                y[j] = xHat[j] * scale[j] + shift[j]
            }
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let rows = batchSize * inputSize / features
        let n = Float(features)
        scaleGradient.update(repeating: 0, count: features)
        shiftGradient.update(repeating: 0, count: features)
        for row in 0..<rows {
            let dy = outputGradient.pointer + row * features, xHat = normalized.pointer + row * features
            var gradientMean: Float = 0, projection: Float = 0
            for j in 0..<features {
                scaleGradient[j] += dy[j] * xHat[j]
                shiftGradient[j] += dy[j]
                let g = dy[j] * scale[j]
                gradientMean += g
                projection += g * xHat[j]
            }
            guard let inputGradient else { continue }
            gradientMean /= n
            projection /= n
            let r = inverseDeviation[row], dx = inputGradient + row * features
            for j in 0..<features {
                dx[j] = r * (dy[j] * scale[j] - gradientMean - xHat[j] * projection)
            }
        }
    }
}
