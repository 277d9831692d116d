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
    private let columns: FloatBuffer
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
        columns = FloatBuffer(count: channels * kernel * kernel * outputHeight * outputWidth)
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

    /// im2col of one example: row (c, i, j) of `columns`, column (y, x) holds
    /// input[c][y·stride − padding + i][x·stride − padding + j], or 0 in the padding.
    private func unfold(_ input: UnsafePointer<Float>) {
        let area = outputArea
        forEachPatchRow { row, c, i, j in
            let plane = input + c * height * width
            let (first, end) = validColumns(j)
            for y in 0..<outputHeight {
                let line = columns.pointer + row * area + y * outputWidth
                let sourceY = y * stride - padding + i
                guard sourceY >= 0 && sourceY < height, first < end else {
                    line.update(repeating: 0, count: outputWidth)
                    continue
                }
                let source = plane + sourceY * width - padding + j
                line.update(repeating: 0, count: first)
                if stride == 1 {
                    line.advanced(by: first).update(from: source + first, count: end - first)
                } else {
                    for x in first..<end { line[x] = source[x * stride] }
                }
                line.advanced(by: end).update(repeating: 0, count: outputWidth - end)
            }
        }
    }

    /// col2im of one example: the adjoint of `unfold`, summing each entry of `columns` back
    /// onto its input position (overwriting the example's `inputGradient`).
    private func fold(into inputGradient: UnsafeMutablePointer<Float>) {
        let area = outputArea
        inputGradient.update(repeating: 0, count: inputSize)
        forEachPatchRow { row, c, i, j in
            let plane = inputGradient + c * height * width
            let (first, end) = validColumns(j)
            guard first < end else { return }
            for y in 0..<outputHeight {
                let targetY = y * stride - padding + i
                guard targetY >= 0 && targetY < height else { continue }
                let line = columns.pointer + row * area + y * outputWidth
                let target = plane + targetY * width - padding + j
                if stride == 1 {
                    VectorLoops.add(line + first, into: target + first, count: end - first)
                } else {
                    for x in first..<end { target[x * stride] += line[x] }
                }
            }
        }
    }

    /// The output columns x whose input column x·stride − padding + j lies inside the image.
    @inline(__always)
    private func validColumns(_ j: Int) -> (first: Int, end: Int) {
        let first = max(0, ceilingDivision(padding - j, stride))
        let end = min(outputWidth, ceilingDivision(width + padding - j, stride))
        return (first, max(first, end))
    }

    @inline(__always)
    private func ceilingDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -(-a / b)
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
