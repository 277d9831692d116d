/// Max or average pooling over square windows of each channel, without padding.
///
/// Max pooling remembers, for each output, where in the example its (first) maximum was, and
/// sends the gradient there; average pooling spreads each output's gradient evenly over its window.
final class PoolLayer: Layer {
    let mode: PoolReduction
    let channels: Int, height: Int, width: Int
    let kernel: Int, stride: Int
    let outputHeight: Int, outputWidth: Int
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    var inputSize: Int { channels * height * width }
    var outputSize: Int { channels * outputHeight * outputWidth }
    /// Max pooling: the index within its example of each output's maximum.
    let argmax: UnsafeMutablePointer<Int32>
    private let argmaxCount: Int
    /// The threads and instruction set of 2 x 2 max pooling.
    let context: ComputeContext

    init(mode: PoolReduction, image: [Int], spec: PoolSpec, maxBatchSize: Int, context: ComputeContext) {
        precondition(image.count == 3, "a pool's input is [channels, height, width]")
        self.mode = mode
        (channels, height, width) = (image[0], image[1], image[2])
        (kernel, stride) = (spec.kernel, spec.stride)
        outputHeight = (height - kernel) / stride + 1
        outputWidth = (width - kernel) / stride + 1
        precondition(outputHeight > 0 && outputWidth > 0, "the window does not fit the input")
        precondition(channels * height * width <= Int(Int32.max), "an example is too large to index")
        let count = maxBatchSize * channels * outputHeight * outputWidth
        output = FloatBuffer(count: count)
        outputGradient = FloatBuffer(count: count)
        argmaxCount = mode == .max ? count : 0
        argmax = .allocate(capacity: max(argmaxCount, 1))
        argmax.initialize(repeating: 0, count: max(argmaxCount, 1))
        self.context = context
    }

    deinit {
        argmax.deallocate()
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let planes = batchSize * channels
        switch (mode, kernel, stride) {
        case (.max, 2, 2): maxPool2x2(input, batchSize: batchSize)
        case (.max, _, _): maxPool(input, planes: planes, kernel: kernel, stride: stride)
        case (.average, _, _): averagePool(input, planes: planes)
        }
    }

    /// Each output is the first maximum of its window (row by row, strictly greater replaces),
    /// and `argmax` its index within the example.
    func maxPool(_ input: UnsafePointer<Float>, planes: Int, kernel: Int, stride: Int) {
        let planeSize = height * width
        var o = 0
        for plane in 0..<planes {
            let source = input + plane * planeSize
            let planeOffset = (plane % channels) * planeSize
            for y in 0..<outputHeight {
                for x in 0..<outputWidth {
                    let corner = y * stride * width + x * stride
                    var best = corner
                    var bestValue = source[corner]
                    for i in 0..<kernel {
                        for j in 0..<kernel {
                            let index = corner + i * width + j
                            if source[index] > bestValue {
                                best = index
                                bestValue = source[index]
                            }
                        }
                    }
                    argmax[o] = Int32(planeOffset + best)
                    output[o] = bestValue
                    o += 1
                }
            }
        }
    }

    private func averagePool(_ input: UnsafePointer<Float>, planes: Int) {
        let planeSize = height * width
        let scale = 1 / Float(kernel * kernel)
        var o = 0
        for plane in 0..<planes {
            let source = input + plane * planeSize
            for y in 0..<outputHeight {
                for x in 0..<outputWidth {
                    let corner = source + y * stride * width + x * stride
                    var sum: Float = 0
                    for i in 0..<kernel {
                        for j in 0..<kernel { sum += corner[i * width + j] }
                    }
                    output[o] = sum * scale
                    o += 1
                }
            }
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        guard let inputGradient else { return }
        inputGradient.update(repeating: 0, count: batchSize * inputSize)
        let scale = 1 / Float(kernel * kernel)
        var o = 0
        for example in 0..<batchSize {
            let target = inputGradient + example * inputSize
            for c in 0..<channels {
                let plane = c * height * width
                for y in 0..<outputHeight {
                    for x in 0..<outputWidth {
                        let gradient = outputGradient[o]
                        switch mode {
                        case .max:
                            target[Int(argmax[o])] += gradient
                        case .average:
                            let corner = plane + y * stride * width + x * stride
                            for i in 0..<kernel {
                                for j in 0..<kernel { target[corner + i * width + j] += gradient * scale }
                            }
                        }
                        o += 1
                    }
                }
            }
        }
    }
}
