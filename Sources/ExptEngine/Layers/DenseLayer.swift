import ExptConfig

/// A fully connected layer, `y = f(x W + b)`.
///
/// Layout: W is inputSize x units, row-major (row i holds the weights from input i), followed
/// directly by b (units values), so that the forward pass is one matrix multiply with no
/// transpose and the layer's parameters are one contiguous slice of the network's buffer.
final class DenseLayer: Layer {
    let inputSize: Int
    let outputSize: Int
    let nonlinearity: Nonlinearity
    let initializer: Initializer
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    /// z = x W + b, kept only when the activation's derivative needs it (GELU).
    private let preActivation: FloatBuffer?

    // The network's buffers, held so that the views below stay valid.
    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let weights: UnsafeMutablePointer<Float>
    private let bias: UnsafeMutablePointer<Float>
    private let weightGradient: UnsafeMutablePointer<Float>
    private let biasGradient: UnsafeMutablePointer<Float>
    private let context: ComputeContext

    /// How many parameters a layer of this shape has: the weights, then the bias.
    static func parameterCount(inputSize: Int, units: Int) -> Int {
        inputSize * units + units
    }

    /// A layer whose weights and bias live in `parameters` (and their gradients in `gradients`)
    /// from `offset` on, with output buffers for batches of up to `maxBatchSize` rows.
    /// The parameters are left as they are; see `initialize`. It computes with `context`.
    init(inputSize: Int, units: Int, nonlinearity: Nonlinearity, initializer: Initializer,
         parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int, context: ComputeContext) {
        precondition(inputSize > 0 && units > 0, "a dense layer needs at least one input and one unit")
        precondition(offset + Self.parameterCount(inputSize: inputSize, units: units) <= parameters.count, "layer parameters out of bounds")
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        self.inputSize = inputSize
        self.outputSize = units
        self.nonlinearity = nonlinearity
        self.initializer = initializer
        self.parameters = parameters
        self.gradients = gradients
        weights = parameters.pointer + offset
        bias = weights + inputSize * units
        weightGradient = gradients.pointer + offset
        biasGradient = weightGradient + inputSize * units
        output = FloatBuffer(count: maxBatchSize * units)
        outputGradient = FloatBuffer(count: maxBatchSize * units)
        preActivation = nonlinearity.needsPreActivation ? FloatBuffer(count: maxBatchSize * units) : nil
        self.context = context
    }

    /// Draws the weights from `generator` in storage order and sets the bias to zero.
    /// He and Xavier take fanIn = inputSize and fanOut = units.
    func initialize(generator: inout SeededGenerator) {
        initializer.fill(weights, rows: inputSize, columns: outputSize, fanIn: inputSize, fanOut: outputSize,
                         generator: &generator)
        bias.update(repeating: 0, count: outputSize)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        // z = x W + b (batch x units), then y = f(z) in place.
        gemm(transposeA: false, transposeB: false, m: batchSize, n: outputSize, k: inputSize,
             alpha: 1, a: input, lda: inputSize, b: weights, ldb: outputSize,
             beta: 0, c: output.pointer, ldc: outputSize, context: context)
        addRowBias(output.pointer, rows: batchSize, columns: outputSize, bias: bias, instructionSet: context.instructionSet)
        nonlinearity.forward(output.pointer, count: batchSize * outputSize, preActivation: preActivation?.pointer,
                             instructionSet: context.instructionSet)
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        // dz = dy ⊙ f′, in place; then dW = xᵀ dz, db = column sums of dz, dx = dz Wᵀ.
        let dz = outputGradient.pointer
        nonlinearity.backward(gradient: dz, output: output.pointer, preActivation: preActivation?.pointer,
                              count: batchSize * outputSize)
        gemm(transposeA: true, transposeB: false, m: inputSize, n: outputSize, k: batchSize,
             alpha: 1, a: input, lda: inputSize, b: dz, ldb: outputSize,
             beta: 0, c: weightGradient, ldc: outputSize, context: context)
        columnSums(dz, rows: batchSize, columns: outputSize, into: biasGradient)
        if let inputGradient {
            gemm(transposeA: false, transposeB: true, m: batchSize, n: inputSize, k: outputSize,
                 alpha: 1, a: dz, lda: outputSize, b: weights, ldb: outputSize,
                 beta: 0, c: inputGradient, ldc: inputSize, context: context)
        }
    }
}

/// `dense` in a manifest: a fully connected layer, `y = activation(x W + b)`, over a vector.
public struct DenseSpec: LayerKind, InitializedLayer {
    public static let name = "dense"
    public static let summary = "Fully connected: y = activation(x W + b); input a vector."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("units", .requiredInteger(\.units.required, LayerSize.units), "Units."), .activation, .slope, .initializer(\.initializer)]
    }

    public var units: Int
    public var activation: Activation
    public var initializer: Initializer
    /// The negative slope of `leaky_relu` (unused by other activations).
    public var leakySlope: Float

    public init(units: Int, activation: Activation = .identity, initializer: Initializer? = nil, leakySlope: Float = 0.01) {
        self.units = units
        self.activation = activation
        self.initializer = initializer ?? Initializer.defaultFor(activation)
        self.leakySlope = leakySlope
    }

    /// One unit, every other setting at its default.
    public init() {
        self.init(units: 1)
    }


    public var outputUnits: Int? {
        units
    }

    public var reportLine: String {
        "dense \(units)" + activationAndInitializer(initializer)
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        guard input.count == 1 else {
            throw fail("expects a vector input, found shape \(shapeText(input)); add a flatten layer before it")
        }
        let count = saturatingSum([saturatingProduct([input[0], units]), units])
        return LayerShape(input: input, output: [units], parameterCount: count)
    }

    /// torch's `Linear`: `weight` [units, inputs] (stored transposed), then `bias`.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        [LayerTensor("weight", [units, shape.input[0]], storedTransposed: true), LayerTensor("bias", [units])]
    }

    /// One per weight: the parameters.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.parameterCount)
    }

    /// The output, its gradient and the pre-activation.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 3)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        DenseLayer(inputSize: placement.inputSize, units: units, nonlinearity: Nonlinearity(activation, leakySlope: leakySlope),
                   initializer: initializer, parameters: placement.parameters, gradients: placement.gradients,
                   offset: placement.offset, maxBatchSize: placement.maxBatchSize, context: placement.context)
    }
}

extension LayerSpec {
    /// A `dense` layer.
    public static func dense(_ spec: DenseSpec) -> Self { Self(spec) }
}
