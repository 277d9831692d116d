/// Inverted dropout. In training each value is kept with probability 1 − rate and scaled by
/// 1 / (1 − rate), or set to zero; at evaluation the input passes through unchanged, so the
/// expected output is the same in both modes (as torch's `Dropout`).
///
/// The mask is drawn from the layer's own ``SeededGenerator`` stream, one uniform double per
/// value in storage order (dropped when it is below `rate`), so training stays deterministic.
final class DropoutLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let rate: Double
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    /// 0 or 1 / (1 − rate) per value of the last training batch.
    private let mask: FloatBuffer
    /// Set by the network after every weight is drawn (see `Network.init`).
    var generator: SeededGenerator

    init(size: Int, rate: Double, generator: SeededGenerator, maxBatchSize: Int) {
        precondition(rate >= 0 && rate < 1, "a dropout rate is in [0, 1)")
        inputSize = size
        self.rate = rate
        self.generator = generator
        output = FloatBuffer(count: maxBatchSize * size)
        outputGradient = FloatBuffer(count: maxBatchSize * size)
        mask = FloatBuffer(count: maxBatchSize * size)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let count = batchSize * inputSize
        guard training else {
            output.pointer.update(from: input, count: count)
            return
        }
        drawMask(count: count)
        applyMask(input, count: count)
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        guard let inputGradient else { return }
        for i in 0..<batchSize * inputSize { inputGradient[i] = outputGradient[i] * mask[i] }
    }

    /// Draws a new mask for the first `count` values.
    func drawMask(count: Int) {
        let kept = Float(1 / (1 - rate))
        for i in 0..<count { mask[i] = generator.nextDouble() < rate ? 0 : kept }
    }

    /// output = input ⊙ mask, with the mask as it is (a fixed mask for gradient checks).
    func applyMask(_ input: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { output[i] = input[i] * mask[i] }
    }
}
