import ExptConfig

/// A 2D convolution, `y = f(W ⋆ x + b)`, lowered to matrix multiplies by im2col, one example at a time.
///
/// Layout: W is filters x (channels·kernel·kernel), row-major (torch's `[F, C, kh, kw]`),
/// followed by b (filters values). Forward, per example: its input patches are unrolled into
/// `columns`, a (C·k·k) x (outH·outW) matrix (row (c, i, j), column (y, x)), and `W · columns`
/// is the example's output, `[F][outH][outW]`, written in place; then the bias and the activation.
/// Backward, per example: `dW += dZ · columnsᵀ` (the patches unrolled again), `db` = row sums of
/// dZ, and `dColumns = Wᵀ · dZ` (written over `columns`), folded back onto the input by col2im.
///
/// The weight and bias gradients are summed per chunk of ``examplesPerChunk`` examples, then
/// over the chunks in order. With several threads (``ComputeContext/threads``), forward shares
/// the batch's examples out and backward its chunks, each thread with its own `columns` (the
/// context's scratch buffers, shared with the network's other convolutions): the sums are the
/// same whatever the thread count.
///
/// Unrolling one example at a time keeps `columns` small enough to stay in cache (the whole
/// batch's patches would be tens of megabytes, streamed through memory three times a step) and
/// needs no reordering between the product's layout and the examples'.
final class Conv2DLayer: Layer {
    let channels: Int, height: Int, width: Int
    let filters: Int, kernel: Int, stride: Int, padding: Int
    let outputHeight: Int, outputWidth: Int
    let nonlinearity: Nonlinearity
    let initializer: Initializer
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    var inputSize: Int { channels * height * width }
    var outputSize: Int { filters * outputHeight * outputWidth }

    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let weights: UnsafeMutablePointer<Float>
    private let bias: UnsafeMutablePointer<Float>
    private let weightGradient: UnsafeMutablePointer<Float>
    private let biasGradient: UnsafeMutablePointer<Float>
    /// Its threads, its instruction set and, in its scratch buffers, one per thread, one
    /// example's unrolled patches, (C·k·k) x (outH·outW), in backward then their gradients.
    let context: ComputeContext
    /// Per chunk of ``examplesPerChunk`` examples, the chunk's weight and bias gradients.
    private let chunkGradients: FloatBuffer
    /// ``columnMasks(kernel:padding:stride:width:outputHeight:outputWidth:)``, for im2col.
    let columnMasks: FloatBuffer
    private let preActivation: FloatBuffer?

    var patchSize: Int { channels * kernel * kernel }
    var outputArea: Int { outputHeight * outputWidth }

    /// How many parameters a convolution has: the weights, then the bias.
    static func parameterCount(channels: Int, spec: Conv2DSpec) -> Int {
        spec.filters * channels * spec.kernel * spec.kernel + spec.filters
    }

    /// A convolution over inputs of shape `image` ([channels, height, width]) whose parameters
    /// live in `parameters` from `offset` on, computing with `context`.
    init(image: [Int], spec: Conv2DSpec, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int,
         context: ComputeContext) {
        precondition(image.count == 3, "a convolution's input is [channels, height, width]")
        (channels, height, width) = (image[0], image[1], image[2])
        (filters, kernel, stride, padding) = (spec.filters, spec.kernel, spec.stride, spec.padding)
        outputHeight = (height + 2 * padding - kernel) / stride + 1
        outputWidth = (width + 2 * padding - kernel) / stride + 1
        precondition(outputHeight > 0 && outputWidth > 0, "the kernel does not fit the input")
        precondition(offset + Self.parameterCount(channels: channels, spec: spec) <= parameters.count, "layer parameters out of bounds")
        nonlinearity = Nonlinearity(spec.activation, leakySlope: spec.leakySlope)
        initializer = spec.initializer
        self.parameters = parameters
        self.gradients = gradients
        let weightCount = filters * channels * kernel * kernel
        weights = parameters.pointer + offset
        bias = weights + weightCount
        weightGradient = gradients.pointer + offset
        biasGradient = weightGradient + weightCount
        let outputCount = maxBatchSize * filters * outputHeight * outputWidth
        output = FloatBuffer(count: outputCount)
        outputGradient = FloatBuffer(count: outputCount)
        self.context = context
        context.scratch.reserve(channels * kernel * kernel * outputHeight * outputWidth)
        let chunks = (maxBatchSize + Self.examplesPerChunk - 1) / Self.examplesPerChunk
        chunkGradients = FloatBuffer(count: chunks * (weightCount + filters))
        columnMasks = Self.columnMasks(kernel: kernel, padding: padding, stride: stride, width: width,
                                       outputHeight: outputHeight, outputWidth: outputWidth)
        preActivation = nonlinearity.needsPreActivation ? FloatBuffer(count: outputCount) : nil
    }

    /// fanIn = channels·k², fanOut = filters·k², as torch.
    func initialize(generator: inout SeededGenerator) {
        initializer.fill(weights, rows: filters, columns: patchSize, fanIn: patchSize,
                         fanOut: filters * kernel * kernel, generator: &generator)
        bias.update(repeating: 0, count: filters)
    }

    /// Examples whose weight and bias gradients are summed together before the chunks' sums
    /// are added up, in chunk order: the sums do not depend on how many threads share the batch.
    static let examplesPerChunk = 8

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let area = outputArea
        forEachBlock(of: batchSize) { examples, columns in
            for example in examples {
                let z = output.pointer + example * outputSize
                unfold(input + example * inputSize, into: columns)
                gemmOnCallingThread(transposeA: false, transposeB: false, m: filters, n: area, k: patchSize,
                                    alpha: 1, a: weights, lda: patchSize, b: columns, ldb: area,
                                    beta: 0, c: z, ldc: area, instructionSet: context.instructionSet)
                for filter in 0..<filters {
                    VectorLoops.addScalar(z + filter * area, bias[filter], into: z + filter * area, count: area)
                }
                nonlinearity.forward(z, count: outputSize, preActivation: preActivation.map { $0.pointer + example * outputSize },
                                     instructionSet: context.instructionSet)
            }
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let chunks = (batchSize + Self.examplesPerChunk - 1) / Self.examplesPerChunk
        let chunkSize = patchSize * filters + filters
        forEachBlock(of: chunks) { chunkRange, columns in
            for chunk in chunkRange {
                let sums = chunkGradients.pointer + chunk * chunkSize
                let first = chunk * Self.examplesPerChunk
                for example in first..<min(batchSize, first + Self.examplesPerChunk) {
                    backward(example: example, input: input, inputGradient: inputGradient, columns: columns,
                             weightSums: sums, biasSums: sums + patchSize * filters, first: example == first)
                }
            }
        }
        let weightCount = patchSize * filters
        weightGradient.update(from: chunkGradients.pointer, count: weightCount)
        biasGradient.update(from: chunkGradients.pointer + weightCount, count: filters)
        for chunk in 1..<max(chunks, 1) {
            let sums = chunkGradients.pointer + chunk * chunkSize
            VectorLoops.add(sums, into: weightGradient, count: weightCount)
            VectorLoops.add(sums + weightCount, into: biasGradient, count: filters)
        }
    }

    /// One example's share of backward: its activation's derivative, its weight and bias
    /// gradients added to (or, for a chunk's `first` example, written into) the chunk's sums,
    /// and its input gradient.
    private func backward(example: Int, input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                          columns: UnsafeMutablePointer<Float>, weightSums: UnsafeMutablePointer<Float>,
                          biasSums: UnsafeMutablePointer<Float>, first: Bool) {
        let area = outputArea
        let dz = outputGradient.pointer + example * outputSize
        nonlinearity.backward(gradient: dz, output: output.pointer + example * outputSize,
                              preActivation: preActivation.map { $0.pointer + example * outputSize }, count: outputSize)
        for filter in 0..<filters {
            let sum = VectorLoops.sum(dz + filter * area, count: area)
            biasSums[filter] = first ? sum : biasSums[filter] + sum
        }
        unfold(input + example * inputSize, into: columns)
        gemmOnCallingThread(transposeA: false, transposeB: true, m: filters, n: patchSize, k: area,
                            alpha: 1, a: dz, lda: area, b: columns, ldb: area,
                            beta: first ? 0 : 1, c: weightSums, ldc: patchSize, instructionSet: context.instructionSet)
        guard let inputGradient else { return }
        gemmOnCallingThread(transposeA: true, transposeB: false, m: patchSize, n: area, k: filters,
                            alpha: 1, a: weights, lda: patchSize, b: dz, ldb: area,
                            beta: 0, c: columns, ldc: area, instructionSet: context.instructionSet)
        fold(columns, into: inputGradient + example * inputSize)
    }

    /// Shares `0..<count` out in blocks over the context's threads, each block with its own
    /// `columns` buffer.
    private func forEachBlock(of count: Int, _ body: (Range<Int>, UnsafeMutablePointer<Float>) -> Void) {
        let buffers = context.scratch.perThread
        context.share(count) { part, parts in
            body(Parallel.block(part, of: parts, splitting: count), buffers[part].pointer)
        }
    }
}

/// `conv2d` in a manifest: a 2D convolution (cross-correlation, as torch's `Conv2d`) over
/// `[channels, height, width]`, with square kernels, the same stride and zero padding on both axes.
public struct Conv2DSpec: LayerKind, InitializedLayer {
    public static let name = "conv2d"
    public static let summary = "2D convolution (cross-correlation, as torch.nn.Conv2d) over [c, h, w]."
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("filters", .requiredInteger(\.filters.required, LayerSize.units), "Filters."),
            Hyperparameter("kernel", .requiredInteger(\.kernel.required, LayerSize.window), "Side of the square kernel."),
            Hyperparameter("stride", .integer(\.stride, LayerSize.window), "Step on both axes."),
            Hyperparameter("padding", .integer(\.padding, 0...LayerSize.window.upperBound), "Zeros added on every side."),
            .activation, .slope, .initializer(\.initializer),
        ]
    }

    public var filters: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int
    public var activation: Activation
    public var initializer: Initializer
    /// The negative slope of `leaky_relu` (unused by other activations).
    public var leakySlope: Float

    public init(filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0, activation: Activation = .identity,
                initializer: Initializer? = nil, leakySlope: Float = 0.01) {
        self.filters = filters
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.activation = activation
        self.initializer = initializer ?? Initializer.defaultFor(activation)
        self.leakySlope = leakySlope
    }

    /// One 1x1 filter, every other setting at its default.
    public init() {
        self.init(filters: 1, kernel: 1)
    }

    public var reportLine: String {
        var text = "conv2d \(filters) \(kernel)x\(kernel)"
        if stride != 1 { text += " stride \(stride)" }
        if padding != 0 { text += " pad \(padding)" }
        return text + activationAndInitializer(initializer)
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let image = try ModelShape.image(input, fail)
        let (height, width) = try ModelShape.window(image, kernel: kernel, stride: stride, padding: padding,
                                                    what: "a \(kernel)x\(kernel) kernel with padding \(padding)", fail)
        let weights = saturatingProduct([filters, image[0], kernel, kernel])
        return LayerShape(input: input, output: [filters, height, width], parameterCount: saturatingSum([weights, filters]))
    }

    /// torch's `Conv2d`: `weight` [filters, channels, kernel, kernel], then `bias`.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let channels = (shape.parameterCount - filters) / (filters * kernel * kernel)
        return [LayerTensor("weight", [filters, channels, kernel, kernel]), LayerTensor("bias", [filters])]
    }

    /// The parameters once per output position (height × width).
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.parameterCount) * Double(shape.output.dropFirst().reduce(1, *))
    }

    /// Per example: the output, its gradient and the pre-activation, and an eighth of the
    /// per-chunk parameter gradients (one chunk per `examplesPerChunk` = 8 examples). Per
    /// thread: one example's unfolded input (channels · kernel² values per output position), with
    /// the column masks and the batch's last, partial chunk counted there too.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        let positions = Double(shape.output.dropFirst().reduce(1, *))
        let unfolded = Double(shape.input[0]) * Double(kernel) * Double(kernel) * positions
        let parameters = Double(shape.parameterCount)
        return LayerMemory(perExample: 3 * Double(shape.output.reduce(1, *)) + parameters / 8,
                           perThread: unfolded + Double(kernel) * positions + parameters)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        Conv2DLayer(image: ModelShape.image(placement.shape.input)!, spec: self, parameters: placement.parameters,
                    gradients: placement.gradients, offset: placement.offset, maxBatchSize: placement.maxBatchSize,
                    context: placement.context)
    }
}

extension LayerSpec {
    /// A `conv2d` layer.
    public static func conv2d(_ spec: Conv2DSpec) -> Self { Self(spec) }
}
