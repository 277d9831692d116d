import ExptConfig

/// A fully connected layer, `y = f(x W + b)`, applied to each of an example's `positions`
/// rows (one for a vector; each position of a sequence `[positions, features]` alike).
///
/// Layout: W is inputSize x units, row-major (row i holds the weights from input i), followed
/// directly by b (units values), so that the forward pass is one matrix multiply with no
/// transpose and the layer's parameters are one contiguous slice of the network's buffer.
final class DenseLayer: Layer {
    /// Values per example: positions x features in, positions x units out.
    let inputSize: Int
    let outputSize: Int
    let positions: Int
    /// Values per row in and out.
    private let features: Int
    private let units: Int
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

    /// A layer over rows of `inputSize` values, `positions` rows per example, whose weights and
    /// bias live in `parameters` (and their gradients in `gradients`) from `offset` on, with
    /// output buffers for batches of up to `maxBatchSize` examples.
    /// The parameters are left as they are; see `initialize`. It computes with `context`.
    init(inputSize: Int, units: Int, positions: Int = 1, nonlinearity: Nonlinearity, initializer: Initializer,
         parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int, context: ComputeContext) {
        precondition(inputSize > 0 && units > 0 && positions > 0, "a dense layer needs at least one input, unit and position")
        precondition(offset + Self.parameterCount(inputSize: inputSize, units: units) <= parameters.count, "layer parameters out of bounds")
        precondition(parameters.count == gradients.count, "parameters and gradients differ in size")
        self.inputSize = positions * inputSize
        self.outputSize = positions * units
        self.positions = positions
        self.features = inputSize
        self.units = units
        self.nonlinearity = nonlinearity
        self.initializer = initializer
        self.parameters = parameters
        self.gradients = gradients
        weights = parameters.pointer + offset
        bias = weights + inputSize * units
        weightGradient = gradients.pointer + offset
        biasGradient = weightGradient + inputSize * units
        output = FloatBuffer(count: maxBatchSize * positions * units)
        outputGradient = FloatBuffer(count: maxBatchSize * positions * units)
        preActivation = nonlinearity.needsPreActivation ? FloatBuffer(count: maxBatchSize * positions * units) : nil
        self.context = context
    }

    /// Draws the weights from `generator` in storage order and sets the bias to zero.
    /// He and Xavier take fanIn = inputSize and fanOut = units.
    func initialize(generator: inout SeededGenerator) {
        initializer.fill(weights, rows: features, columns: units, fanIn: features, fanOut: units, generator: &generator)
        bias.update(repeating: 0, count: units)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        // z = x W + b (rows x units), then y = f(z) in place.
        let rows = batchSize * positions
        gemm(transposeA: false, transposeB: false, m: rows, n: units, k: features,
             alpha: 1, a: input, lda: features, b: weights, ldb: units,
             beta: 0, c: output.pointer, ldc: units, context: context)
        addRowBias(output.pointer, rows: rows, columns: units, bias: bias, instructionSet: context.instructionSet)
        nonlinearity.forward(output.pointer, count: rows * units, preActivation: preActivation?.pointer,
                             instructionSet: context.instructionSet)
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        // dz = dy ⊙ f′, in place; then dW = xᵀ dz, db = column sums of dz, dx = dz Wᵀ.
        let dz = outputGradient.pointer, rows = batchSize * positions
        nonlinearity.backward(gradient: dz, output: output.pointer, preActivation: preActivation?.pointer,
                              count: rows * units)
        gemm(transposeA: true, transposeB: false, m: features, n: units, k: rows,
             alpha: 1, a: input, lda: features, b: dz, ldb: units,
             beta: 0, c: weightGradient, ldc: units, context: context)
        columnSums(dz, rows: rows, columns: units, into: biasGradient)
        if let inputGradient {
            gemm(transposeA: false, transposeB: true, m: rows, n: features, k: units,
                 alpha: 1, a: dz, lda: units, b: weights, ldb: units,
                 beta: 0, c: inputGradient, ldc: features, context: context)
        }
    }
}

/// `dense` in a manifest: a fully connected layer, `y = activation(x W + b)`, over a vector.
public struct DenseSpec: LayerKind, InitializedLayer {
    public static let name = "dense"
    public static let summary = "Fully connected: y = activation(x W + b); input a vector, or a sequence [positions, features] (each position alike)."
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
        guard input.count <= 2 else {
            throw fail("expects a vector input, found shape \(shapeText(input)); add a flatten layer before it")
        }
        let features = input[input.count - 1]
        let count = saturatingSum([saturatingProduct([features, units]), units])
        return LayerShape(input: input, output: input.dropLast() + [units], parameterCount: count)
    }

    /// torch's `Linear`: `weight` [units, inputs] (stored transposed), then `bias`.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        [LayerTensor("weight", [units, shape.input[shape.input.count - 1]], storedTransposed: true), LayerTensor("bias", [units])]
    }

    /// One per weight, per position.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.parameterCount) * Double(shape.input.count == 2 ? shape.input[0] : 1)
    }

    /// The output, its gradient and the pre-activation.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 3)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        let positions = placement.shape.input.count == 2 ? placement.shape.input[0] : 1
        return DenseLayer(inputSize: placement.inputSize / positions, units: units, positions: positions, nonlinearity: Nonlinearity(activation, leakySlope: leakySlope),
                   initializer: initializer, parameters: placement.parameters, gradients: placement.gradients,
                   offset: placement.offset, maxBatchSize: placement.maxBatchSize, context: placement.context)
    }
}

extension LayerSpec {
    /// A `dense` layer.
    public static func dense(_ spec: DenseSpec) -> Self { Self(spec) }
}
