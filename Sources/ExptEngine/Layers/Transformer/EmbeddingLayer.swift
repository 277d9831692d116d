/// A token embedding, as torch's `Embedding(vocabulary, dimension)`: each of an example's
/// `positions` inputs is a token id (an exact integer stored as Float, in `0..<vocabulary`:
/// the runner checks the data before training) and becomes that id's row of the table E.
///
/// Layout: E (`weight`, vocabulary x dimension, row-major), drawn from N(0, 1) as torch.
/// Backward: dE[id] = Σ of dy over the positions holding id; ids have no gradient (an input
/// gradient, when asked for, is zero).
final class EmbeddingLayer: Layer {
    let positions: Int
    let vocabulary: Int
    let dimension: Int
    var inputSize: Int { positions }
    var outputSize: Int { positions * dimension }
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let table: UnsafeMutablePointer<Float>
    private let tableGradient: UnsafeMutablePointer<Float>

    init(positions: Int, vocabulary: Int, dimension: Int, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int,
         maxBatchSize: Int) {
        precondition(offset + vocabulary * dimension <= parameters.count, "layer parameters out of bounds")
        self.positions = positions
        self.vocabulary = vocabulary
        self.dimension = dimension
        self.parameters = parameters
        self.gradients = gradients
        table = parameters.pointer + offset
        tableGradient = gradients.pointer + offset
        output = FloatBuffer(count: maxBatchSize * positions * dimension)
        outputGradient = FloatBuffer(count: maxBatchSize * positions * dimension)
    }

    /// N(0, 1) in storage order, as torch's `Embedding`.
    func initialize(generator: inout SeededGenerator) {
        for i in 0..<vocabulary * dimension { table[i] = Float(generator.nextGaussian()) }
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        for row in 0..<batchSize * positions {
            output.pointer.advanced(by: row * dimension).update(from: table + token(input[row]) * dimension, count: dimension)
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        tableGradient.update(repeating: 0, count: vocabulary * dimension)
        for row in 0..<batchSize * positions {
            VectorLoops.add(outputGradient.pointer + row * dimension, into: tableGradient + token(input[row]) * dimension,
                            count: dimension)
        }
        inputGradient?.update(repeating: 0, count: batchSize * positions)
    }

    @inline(__always)
    private func token(_ id: Float) -> Int {
        precondition(id >= 0 && id < Float(vocabulary) && id.rounded() == id, "token id \(id) is not in 0..<\(vocabulary)")
        return Int(id)
    }
}
