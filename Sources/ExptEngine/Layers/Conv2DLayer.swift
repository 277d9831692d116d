/// A 2D convolution, `y = f(W ⋆ x + b)`, lowered to matrix multiplies by im2col, one example at a time.
///
/// Layout: W is filters x (channels·kernel·kernel), row-major (torch's `[F, C, kh, kw]`),
/// followed by b (filters values). Forward, per example: its input patches are unrolled into
/// `columns`, a (C·k·k) x (outH·outW) matrix (row (c, i, j), column (y, x)), and `W · columns`
/// is the example's output, `[F][outH][outW]`, written in place; then the bias and the activation.
/// Backward, per example: `dW += dZ · columnsᵀ` (the patches unrolled again), `db` = row sums of
/// dZ, and `dColumns = Wᵀ · dZ` (written over `columns`), folded back onto the input by col2im.
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
    /// One example's unrolled patches, (C·k·k) x (outH·outW); in backward, then their gradients.
    let columns: FloatBuffer
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
    /// live in `parameters` from `offset` on.
    init(image: [Int], spec: Conv2DSpec, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int) {
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
        columns = FloatBuffer(count: channels * kernel * kernel * outputHeight * outputWidth)
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

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let area = outputArea
        for example in 0..<batchSize {
            let z = output.pointer + example * outputSize
            unfold(input + example * inputSize)
            gemm(transposeA: false, transposeB: false, m: filters, n: area, k: patchSize,
                 alpha: 1, a: weights, lda: patchSize, b: columns.pointer, ldb: area,
                 beta: 0, c: z, ldc: area)
            for filter in 0..<filters {
                VectorLoops.addScalar(z + filter * area, bias[filter], into: z + filter * area, count: area)
            }
            nonlinearity.forward(z, count: outputSize, preActivation: preActivation.map { $0.pointer + example * outputSize })
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let area = outputArea
        nonlinearity.backward(gradient: outputGradient.pointer, output: output.pointer,
                              preActivation: preActivation?.pointer, count: batchSize * outputSize)
        biasGradient.update(repeating: 0, count: filters)
        for example in 0..<batchSize {
            let dz = outputGradient.pointer + example * outputSize
            for filter in 0..<filters {
                biasGradient[filter] += VectorLoops.sum(dz + filter * area, count: area)
            }
            unfold(input + example * inputSize)
            gemm(transposeA: false, transposeB: true, m: filters, n: patchSize, k: area,
                 alpha: 1, a: dz, lda: area, b: columns.pointer, ldb: area,
                 beta: example == 0 ? 0 : 1, c: weightGradient, ldc: patchSize)
            guard let inputGradient else { continue }
            gemm(transposeA: true, transposeB: false, m: patchSize, n: area, k: filters,
                 alpha: 1, a: weights, lda: patchSize, b: dz, ldb: area,
                 beta: 0, c: columns.pointer, ldc: area)
            fold(into: inputGradient + example * inputSize)
        }
    }
}
