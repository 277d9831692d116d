import ExptConfig

/// `layer_norm` in a manifest: normalisation over the last axis with a learned scale and
/// shift (torch's `LayerNorm(features, eps)`), for a vector or each position of a sequence.
public struct LayerNormSpec: LayerKind {
    public static let name = "layer_norm"
    public static let summary = "Normalises the last axis, then a learned scale and shift (torch.nn.LayerNorm)."
    public static let valueless = true
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("eps", .number(\.epsilon, .positive), "Added to the variance.")]
    }

    /// Added to the variance before the square root.
    public var epsilon: Double

    public init(epsilon: Double = 1e-5) {
        self.epsilon = epsilon
    }

    public init() {
        self.init(epsilon: 1e-5)
    }

    public var reportLine: String {
        Self.name + (epsilon == 1e-5 ? "" : " eps \(epsilon)")
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        guard input.count <= 2 else {
            throw fail("expects a vector or a sequence input, found shape \(shapeText(input))")
        }
        return LayerShape(input: input, output: input, parameterCount: saturatingProduct([2, input[input.count - 1]]))
    }

    /// torch's `LayerNorm`: `weight` (γ), then `bias` (β), one per feature.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let features = shape.input[shape.input.count - 1]
        return [LayerTensor("weight", [features]), LayerTensor("bias", [features])]
    }

    /// Two per value (the normalisation, then the scale and shift).
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        2 * Double(saturatingProduct(shape.output))
    }

    /// The output, its gradient and the normalised values, and one inverse deviation per row.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        let values = Double(saturatingProduct(shape.output))
        return LayerMemory(perExample: 3 * values + values / Double(shape.output[shape.output.count - 1]))
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        layer(placement)
    }

    /// The runtime layer (a transformer block builds its norms with it).
    func layer(_ placement: LayerPlacement) -> LayerNormLayer {
        LayerNormLayer(inputSize: placement.inputSize, features: placement.shape.input[placement.shape.input.count - 1],
                       epsilon: Float(epsilon), parameters: placement.parameters, gradients: placement.gradients,
                       offset: placement.offset, maxBatchSize: placement.maxBatchSize)
    }
}
