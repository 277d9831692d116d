import ExptConfig

/// Batch normalisation, then an activation: `y = f(γ x̂ + β)` with `x̂ = (x − μ) / √(σ² + ε)`.
///
/// Each example is read as `[groups][channels][inner]` and statistics are taken per channel over
/// the batch, the groups and the inner positions: a vector `[n]` has n channels; a sequence
/// `[t, f]` has t groups of f channels (per feature, over batch and steps); an image `[c, h, w]`
/// has c channels of h·w inner positions (as `BatchNorm2d`).
///
/// Training uses the batch's mean and biased variance and updates the running statistics as torch
/// does: `running = (1 − momentum) running + momentum · batch`, with the unbiased variance
/// (n / (n − 1) times the biased one; the biased one when n = 1, where torch refuses to train).
/// Evaluation uses the running statistics (mean 0 and variance 1 at start). They are state, not
/// parameters: the optimizer never sees them. Parameters: γ (1 at start), then β (0).
final class BatchNormLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let groups: Int, channels: Int, inner: Int
    let momentum: Float, epsilon: Float
    let nonlinearity: Nonlinearity
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    /// Per channel: the running mean, then the running variance.
    let runningMean: FloatBuffer
    let runningVariance: FloatBuffer

    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let scale: UnsafeMutablePointer<Float>
    private let shift: UnsafeMutablePointer<Float>
    private let scaleGradient: UnsafeMutablePointer<Float>
    private let shiftGradient: UnsafeMutablePointer<Float>
    /// x̂ of the last training batch.
    private let normalized: FloatBuffer
    /// 1 / √(σ² + ε) per channel of the last training batch.
    private let inverseDeviation: FloatBuffer
    private let preActivation: FloatBuffer?
    /// The instruction set of its activation.
    private let context: ComputeContext

    /// For inputs of shape `shape` (rank 1 to 3), with parameters from `offset` on, computing with `context`.
    init(shape: [Int], spec: BatchNormSpec, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int,
         context: ComputeContext) {
        switch shape.count {
        case 1: (groups, channels, inner) = (1, shape[0], 1)
        case 2: (groups, channels, inner) = (shape[0], shape[1], 1)
        case 3: (groups, channels, inner) = (1, shape[0], shape[1] * shape[2])
        default: preconditionFailure("batchnorm takes inputs of rank 1 to 3")
        }
        inputSize = groups * channels * inner
        precondition(offset + 2 * channels <= parameters.count, "layer parameters out of bounds")
        momentum = Float(spec.momentum)
        epsilon = Float(spec.epsilon)
        nonlinearity = Nonlinearity(spec.activation, leakySlope: spec.leakySlope)
        self.parameters = parameters
        self.gradients = gradients
        scale = parameters.pointer + offset
        shift = scale + channels
        scaleGradient = gradients.pointer + offset
        shiftGradient = scaleGradient + channels
        let count = maxBatchSize * inputSize
        output = FloatBuffer(count: count)
        outputGradient = FloatBuffer(count: count)
        normalized = FloatBuffer(count: count)
        inverseDeviation = FloatBuffer(count: channels)
        runningMean = FloatBuffer(count: channels)
        runningVariance = FloatBuffer(count: channels, value: 1)
        preActivation = nonlinearity.needsPreActivation ? FloatBuffer(count: count) : nil
        self.context = context
    }

    /// γ = 1, β = 0 (nothing is drawn).
    func initialize(generator: inout SeededGenerator) {
        scale.update(repeating: 1, count: channels)
        shift.update(repeating: 0, count: channels)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let rows = batchSize * groups
        let n = Double(rows * inner)
        for c in 0..<channels {
            var mean: Float, inverse: Float
            if training {
                var sum = 0.0
                forEach(channel: c, rows: rows) { sum += Double(input[$0]) }
                let batchMean = sum / n
                var squares = 0.0
                forEach(channel: c, rows: rows) { let d = Double(input[$0]) - batchMean; squares += d * d }
                let variance = squares / n
                mean = Float(batchMean)
                inverse = Float(1 / (variance + Double(epsilon)).squareRoot())
                inverseDeviation[c] = inverse
                let unbiased = n > 1 ? variance * n / (n - 1) : variance
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean
                runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * Float(unbiased)
            } else {
                mean = runningMean[c]
                inverse = 1 / (runningVariance[c] + epsilon).squareRoot()
            }
            let (gamma, beta) = (scale[c], shift[c])
            forEach(channel: c, rows: rows) { i in
                let xHat = (input[i] - mean) * inverse
                if training { normalized[i] = xHat }
                output[i] = gamma * xHat + beta
            }
        }
        nonlinearity.forward(output.pointer, count: batchSize * inputSize, preActivation: preActivation?.pointer,
                             instructionSet: context.instructionSet)
    }

    /// With dz the gradient before the activation: dβ = Σ dz, dγ = Σ dz x̂, and
    /// dx = γ / (n √(σ² + ε)) · (n dz − dβ − x̂ dγ), sums per channel over the n values.
    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let rows = batchSize * groups
        let dz = outputGradient.pointer
        nonlinearity.backward(gradient: dz, output: output.pointer, preActivation: preActivation?.pointer,
                              count: batchSize * inputSize)
        let n = Float(rows * inner)
        for c in 0..<channels {
            var shiftSum: Float = 0, scaleSum: Float = 0
            forEach(channel: c, rows: rows) { i in
                shiftSum += dz[i]
                scaleSum += dz[i] * normalized[i]
            }
            shiftGradient[c] = shiftSum
            scaleGradient[c] = scaleSum
            guard let inputGradient else { continue }
            let factor = scale[c] * inverseDeviation[c] / n
            forEach(channel: c, rows: rows) { i in
                inputGradient[i] = factor * (n * dz[i] - shiftSum - normalized[i] * scaleSum)
            }
        }
    }

    /// Calls `body` with the index of every value of channel `c` in the first `rows` rows.
    @inline(__always)
    private func forEach(channel c: Int, rows: Int, _ body: (Int) -> Void) {
        for row in 0..<rows {
            let start = (row * channels + c) * inner
            for i in start..<start + inner { body(i) }
        }
    }
}

/// `batchnorm` in a manifest: batch normalisation, as torch's `BatchNorm1d`/`BatchNorm2d` (per
/// feature for vectors, per channel for images, per feature over batch and steps for
/// sequences), then an activation. Its kind key takes no value.
public struct BatchNormSpec: LayerKind, LeakySloped {
    public static let name = "batchnorm"
    public static let storedName = "batchNorm"
    public static let valueless = true
    public static let summary = "Batch normalisation per feature or channel (torch.nn.BatchNorm1d/2d)."
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("momentum", .number(\.momentum, .closedUnit), "Weight of each batch in the running statistics."),
            Hyperparameter("eps", .number(\.epsilon, .positive), "Added to the variance."),
            .activation, .slope,
        ]
    }

    /// Weight of the newest batch in the running statistics.
    public var momentum: Double
    /// Added to the variance before the square root.
    public var epsilon: Double
    public var activation: Activation
    /// The negative slope of `leaky_relu` (unused by other activations).
    public var leakySlope: Float

    public init(momentum: Double = 0.1, epsilon: Double = 1e-5, activation: Activation = .identity, leakySlope: Float = 0.01) {
        self.momentum = momentum
        self.epsilon = epsilon
        self.activation = activation
        self.leakySlope = leakySlope
    }

    public init() {
        self.init(momentum: 0.1)
    }

    public var reportLine: String {
        Self.name + activationSuffix
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        guard input.count <= 3 else {
            throw fail("expects a vector, a sequence or an image, found shape \(shapeText(input))")
        }
        let channels = input.count == 3 ? input[0] : input[input.count - 1]
        return LayerShape(input: input, output: input, parameterCount: saturatingProduct([2, channels]))
    }

    /// torch's `BatchNorm1d`/`BatchNorm2d` parameters: `weight` (γ), then `bias` (β).
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let channels = shape.parameterCount / 2
        return [LayerTensor("weight", [channels]), LayerTensor("bias", [channels])]
    }

    /// One per output value.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.output.reduce(1, *))
    }

    /// The output, its gradient, the normalised values and the pre-activation.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 4)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        BatchNormLayer(shape: placement.shape.input, spec: self, parameters: placement.parameters, gradients: placement.gradients,
                       offset: placement.offset, maxBatchSize: placement.maxBatchSize, context: placement.context)
    }
}

extension LayerSpec {
    /// A `batchnorm` layer.
    public static func batchNorm(_ spec: BatchNormSpec) -> Self { Self(spec) }
}
