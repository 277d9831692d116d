/// A learned position embedding added to a sequence: `y[t] = x[t] + P[t]` for each of the
/// `positions` rows of `dimension` values (GPT-2's `wpe`, a torch `Embedding(positions,
/// dimension)` looked up at 0..<positions).
///
/// Layout: P (`weight`, positions x dimension, row-major), drawn from N(0, 1) as torch's
/// `Embedding`. Backward: dP = Σ over the batch of dy, dx = dy.
final class PositionEmbeddingLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let table: UnsafeMutablePointer<Float>
    private let tableGradient: UnsafeMutablePointer<Float>

    init(inputSize: Int, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int, maxBatchSize: Int) {
        precondition(offset + inputSize <= parameters.count, "layer parameters out of bounds")
        self.inputSize = inputSize
        self.parameters = parameters
        self.gradients = gradients
        table = parameters.pointer + offset
        tableGradient = gradients.pointer + offset
        output = FloatBuffer(count: maxBatchSize * inputSize)
        outputGradient = FloatBuffer(count: maxBatchSize * inputSize)
    }

    /// N(0, 1) in storage order.
    func initialize(generator: inout SeededGenerator) {
        for i in 0..<inputSize { table[i] = Float(generator.nextGaussian()) }
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        output.pointer.update(from: input, count: batchSize * inputSize)
        for example in 0..<batchSize {
            VectorLoops.add(table, into: output.pointer + example * inputSize, count: inputSize)
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        tableGradient.update(repeating: 0, count: inputSize)
        for example in 0..<batchSize {
            VectorLoops.add(outputGradient.pointer + example * inputSize, into: tableGradient, count: inputSize)
        }
        inputGradient?.update(from: outputGradient.pointer, count: batchSize * inputSize)
    }
}
