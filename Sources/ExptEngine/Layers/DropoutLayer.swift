import ExptConfig

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

/// `dropout` in a manifest: inverted dropout over any shape. In training each value is zeroed
/// with probability `rate` and the others scaled by 1 / (1 − rate); at evaluation the layer
/// passes its input through.
public struct DropoutSpec: LayerKind {
    public static let name = "dropout"
    public static let summary = "Zeroes each value with probability rate in training; any shape."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("rate", .requiredNumber(\.rate.required, .halfOpenUnit), "Rate; the kept values are scaled by 1/(1 − rate).")]
    }

    public var rate: Double

    public init(rate: Double) {
        self.rate = rate
    }

    /// Rate 0: the input passes through.
    public init() {
        self.init(rate: 0)
    }


    public var reportLine: String {
        "dropout \(rate)"
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        LayerShape(input: input, output: input, parameterCount: 0)
    }

    /// One per output value.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.output.reduce(1, *))
    }

    /// The output, its gradient and the mask.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 3)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        DropoutLayer(size: placement.inputSize, rate: rate, generator: SeededGenerator(seed: 0), maxBatchSize: placement.maxBatchSize)
    }
}

extension LayerSpec {
    /// A `dropout` layer.
    public static func dropout(_ spec: DropoutSpec) -> Self { Self(spec) }
}
