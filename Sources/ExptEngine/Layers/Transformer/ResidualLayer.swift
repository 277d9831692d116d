/// A block whose output is added to its input: `y = x + f(x)`, `y = x + f(LN(x))` pre-norm (GPT-2),
/// `y = LN(x + f(x))` post-norm (the original Transformer), where `f` is the block's body and
/// LN a ``LayerNormLayer`` over the last axis. The body keeps the shape of its input.
///
/// Backward, with s = x + f(·) and ds = dy (or LN's input gradient, post-norm):
/// dx = ds + (f's input gradient, through LN when pre-norm).
final class ResidualLayer: Layer {
    /// Where the block normalises.
    enum Norm {
        case none
        case pre(LayerNormLayer)
        case post(LayerNormLayer)
    }

    let body: any Layer
    let norm: Norm
    let inputSize: Int
    var outputSize: Int { inputSize }
    /// The sum s = x + f(·): the output itself, or the post-norm's input.
    private let sum: FloatBuffer
    /// The gradient that reaches x through the body (and the pre-norm), before it is added to ds.
    private let pathGradient: FloatBuffer

    init(body: any Layer, norm: Norm, maxBatchSize: Int) {
        precondition(body.inputSize == body.outputSize, "a residual block's body must keep its input's shape")
        self.body = body
        self.norm = norm
        inputSize = body.inputSize
        sum = FloatBuffer(count: maxBatchSize * inputSize)
        pathGradient = FloatBuffer(count: maxBatchSize * inputSize)
    }

    var output: FloatBuffer {
        if case .post(let layerNorm) = norm { return layerNorm.output }
        return sum
    }

    /// The body's own output gradient (the next layer writes ds there), or the post-norm's.
    var outputGradient: FloatBuffer {
        if case .post(let layerNorm) = norm { return layerNorm.outputGradient }
        return body.outputGradient
    }

    /// The pre-norm draws first, then the body, then the post-norm (storage order).
    func initialize(generator: inout SeededGenerator) {
        if case .pre(let layerNorm) = norm { layerNorm.initialize(generator: &generator) }
        body.initialize(generator: &generator)
        if case .post(let layerNorm) = norm { layerNorm.initialize(generator: &generator) }
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let count = batchSize * inputSize
        var bodyInput = input
        if case .pre(let layerNorm) = norm {
            layerNorm.forward(input: input, batchSize: batchSize, training: training)
            bodyInput = UnsafePointer(layerNorm.output.pointer)
        }
        body.forward(input: bodyInput, batchSize: batchSize, training: training)
        sum.pointer.update(from: input, count: count)
        VectorLoops.add(body.output.pointer, into: sum.pointer, count: count)
        if case .post(let layerNorm) = norm {
            layerNorm.forward(input: sum.pointer, batchSize: batchSize, training: training)
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let count = batchSize * inputSize
        if case .post(let layerNorm) = norm {
            layerNorm.backward(input: sum.pointer, inputGradient: body.outputGradient.pointer, batchSize: batchSize)
        }
        // ds, from the body's output gradient before the body's backward may overwrite it.
        inputGradient?.update(from: body.outputGradient.pointer, count: count)
        let path = inputGradient == nil ? nil : pathGradient.pointer
        if case .pre(let layerNorm) = norm {
            body.backward(input: layerNorm.output.pointer, inputGradient: layerNorm.outputGradient.pointer, batchSize: batchSize)
            layerNorm.backward(input: input, inputGradient: path, batchSize: batchSize)
        } else {
            body.backward(input: input, inputGradient: path, batchSize: batchSize)
        }
        if let inputGradient {
            VectorLoops.add(pathGradient.pointer, into: inputGradient, count: count)
        }
    }
}
