/// A 2D convolution, `y = f(W ⋆ x + b)`, lowered to one matrix multiply per pass by im2col.
///
/// Layout: W is filters x (channels·kernel·kernel), row-major (torch's `[F, C, kh, kw]`),
/// followed by b (filters values). Forward: the batch's input patches are unrolled into
/// `columns`, a (C·k·k) x (batch·outH·outW) matrix (row (c, i, j), column (example, y, x)),
/// so `W · columns` gives every output of the batch in one `gemm`, as filters x (batch·outH·outW),
/// which is then reordered to the examples' `[F][outH][outW]` layout with the bias added.
/// Backward: `dW = dZ · columnsᵀ`, `db` = row sums of dZ, and `dColumns = Wᵀ · dZ` (written over
/// `columns`, no longer needed), folded back onto the input by col2im.
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
    /// The unrolled patches (forward), then their gradients (backward).
    private let columns: FloatBuffer
    /// W · columns, filters x (batch·outH·outW); in backward, dZ in that order.
    private let product: FloatBuffer
    private let preActivation: FloatBuffer?

    private var patchSize: Int { channels * kernel * kernel }
    private var outputArea: Int { outputHeight * outputWidth }

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
        product = FloatBuffer(count: outputCount)
        columns = FloatBuffer(count: channels * kernel * kernel * maxBatchSize * outputHeight * outputWidth)
        preActivation = nonlinearity.needsPreActivation ? FloatBuffer(count: outputCount) : nil
    }

    /// fanIn = channels·k², fanOut = filters·k², as torch.
    func initialize(generator: inout SeededGenerator) {
        initializer.fill(weights, rows: filters, columns: patchSize, fanIn: patchSize,
                         fanOut: filters * kernel * kernel, generator: &generator)
        bias.update(repeating: 0, count: filters)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let n = batchSize * outputArea
        unfold(input, batchSize: batchSize)
        gemm(transposeA: false, transposeB: false, m: filters, n: n, k: patchSize,
             alpha: 1, a: weights, lda: patchSize, b: columns.pointer, ldb: n,
             beta: 0, c: product.pointer, ldc: n)
        // [F][B][area] -> [B][F][area], adding the bias.
        for example in 0..<batchSize {
            for filter in 0..<filters {
                let source = product.pointer + (filter * batchSize + example) * outputArea
                let target = output.pointer + (example * filters + filter) * outputArea
                let b = bias[filter]
                for i in 0..<outputArea { target[i] = source[i] + b }
            }
        }
        nonlinearity.forward(output.pointer, count: batchSize * outputSize, preActivation: preActivation?.pointer)
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let n = batchSize * outputArea
        nonlinearity.backward(gradient: outputGradient.pointer, output: output.pointer,
                              preActivation: preActivation?.pointer, count: batchSize * outputSize)
        // [B][F][area] -> [F][B][area]; the bias gradient is each filter's row sum.
        for filter in 0..<filters {
            var sum: Float = 0
            for example in 0..<batchSize {
                let source = outputGradient.pointer + (example * filters + filter) * outputArea
                let target = product.pointer + (filter * batchSize + example) * outputArea
                for i in 0..<outputArea {
                    target[i] = source[i]
                    sum += source[i]
                }
            }
            biasGradient[filter] = sum
        }
        gemm(transposeA: false, transposeB: true, m: filters, n: patchSize, k: n,
             alpha: 1, a: product.pointer, lda: n, b: columns.pointer, ldb: n,
             beta: 0, c: weightGradient, ldc: patchSize)
        guard let inputGradient else { return }
        gemm(transposeA: true, transposeB: false, m: patchSize, n: n, k: filters,
             alpha: 1, a: weights, lda: patchSize, b: product.pointer, ldb: n,
             beta: 0, c: columns.pointer, ldc: n)
        fold(into: inputGradient, batchSize: batchSize)
    }

    /// im2col: row (c, i, j) of `columns`, column (example, y, x) holds
    /// input[example][c][y·stride − padding + i][x·stride − padding + j], or 0 in the padding.
    private func unfold(_ input: UnsafePointer<Float>, batchSize: Int) {
        let n = batchSize * outputArea
        forEachPatchRow { row, c, i, j in
            let target = columns.pointer + row * n
            for example in 0..<batchSize {
                let plane = input + (example * channels + c) * height * width
                let out = target + example * outputArea
                for y in 0..<outputHeight {
                    let sourceY = y * stride - padding + i
                    let line = out + y * outputWidth
                    guard sourceY >= 0 && sourceY < height else {
                        line.update(repeating: 0, count: outputWidth)
                        continue
                    }
                    let source = plane + sourceY * width
                    for x in 0..<outputWidth {
                        let sourceX = x * stride - padding + j
                        line[x] = sourceX >= 0 && sourceX < width ? source[sourceX] : 0
                    }
                }
            }
        }
    }

    /// col2im: the adjoint of `unfold`, summing each column entry back onto its input position.
    private func fold(into inputGradient: UnsafeMutablePointer<Float>, batchSize: Int) {
        let n = batchSize * outputArea
        inputGradient.update(repeating: 0, count: batchSize * inputSize)
        forEachPatchRow { row, c, i, j in
            let source = columns.pointer + row * n
            for example in 0..<batchSize {
                let plane = inputGradient + (example * channels + c) * height * width
                let entries = source + example * outputArea
                for y in 0..<outputHeight {
                    let targetY = y * stride - padding + i
                    guard targetY >= 0 && targetY < height else { continue }
                    let target = plane + targetY * width
                    let line = entries + y * outputWidth
                    for x in 0..<outputWidth {
                        let targetX = x * stride - padding + j
                        if targetX >= 0 && targetX < width { target[targetX] += line[x] }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func forEachPatchRow(_ body: (_ row: Int, _ channel: Int, _ i: Int, _ j: Int) -> Void) {
        var row = 0
        for c in 0..<channels {
            for i in 0..<kernel {
                for j in 0..<kernel {
                    body(row, c, i, j)
                    row += 1
                }
            }
        }
    }
}
