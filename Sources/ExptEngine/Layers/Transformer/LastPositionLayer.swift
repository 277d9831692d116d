/// The last position of a sequence: `[positions, features]` to its last row `[features]`
/// (`x[:, -1]` in torch), for classifying a whole sequence. Backward: the last row's gradient
/// is dy, every other row's zero.
final class LastPositionLayer: Layer {
    let positions: Int
    let features: Int
    var inputSize: Int { positions * features }
    var outputSize: Int { features }
    let output: FloatBuffer
    let outputGradient: FloatBuffer

    init(positions: Int, features: Int, maxBatchSize: Int) {
        self.positions = positions
        self.features = features
        output = FloatBuffer(count: maxBatchSize * features)
        outputGradient = FloatBuffer(count: maxBatchSize * features)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        for example in 0..<batchSize {
            (output.pointer + example * features).update(from: input + (example * positions + positions - 1) * features, count: features)
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        guard let inputGradient else { return }
        inputGradient.update(repeating: 0, count: batchSize * inputSize)
        for example in 0..<batchSize {
            (inputGradient + (example * positions + positions - 1) * features)
                .update(from: outputGradient.pointer + example * features, count: features)
        }
    }
}
