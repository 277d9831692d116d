import ExptConfig

/// `feed_forward` in a manifest: at each position of a sequence `[positions, features]`,
/// `y = GELU(x W1 + b1) W2 + b2` with `hidden` units between (torch's
/// `Sequential(Linear(d, hidden), GELU(), Linear(hidden, d))`, hence its tensor names `0.*`, `2.*`).
public struct FeedForwardSpec: LayerKind {
    public static let name = "feed_forward"
    public static let summary = "Per position: dense to hidden units, GELU, dense back to the features."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("hidden", .requiredInteger(\.hidden.required, LayerSize.units), "Units between the two dense maps.")]
    }

    public var hidden: Int

    public init(hidden: Int) {
        self.hidden = hidden
    }

    public init() {
        self.init(hidden: 1)
    }

    public var reportLine: String {
        "feed_forward \(hidden)"
    }

    /// Both dense maps' weights and biases for `features` values per position.
    static func parameterCount(features: Int, hidden: Int) -> Int {
        saturatingSum([saturatingProduct([2, features, hidden]), hidden, features])
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let (_, features) = try ModelShape.positions(input, fail)
        return LayerShape(input: input, output: input, parameterCount: Self.parameterCount(features: features, hidden: hidden))
    }

    /// `0.weight` [hidden, d], `0.bias`, `2.weight` [d, hidden], `2.bias`, the weights stored transposed.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let features = shape.input[1]
        return [
            LayerTensor("0.weight", [hidden, features], storedTransposed: true), LayerTensor("0.bias", [hidden]),
            LayerTensor("2.weight", [features, hidden], storedTransposed: true), LayerTensor("2.bias", [features]),
        ]
    }

    /// One per weight, per position.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.input[0]) * Double(shape.parameterCount)
    }

    /// The hidden values (output, gradient, pre-activation), then the output and its gradient.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        LayerMemory(perExample: Double(shape.input[0]) * (3 * Double(hidden) + 2 * Double(shape.input[1])))
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        layer(placement)
    }

    /// The two dense layers as one (a transformer block builds its feed-forward with it).
    func layer(_ placement: LayerPlacement) -> LayerChain {
        let positions = placement.shape.input[0], features = placement.shape.input[1]
        let first = DenseLayer(inputSize: features, units: hidden, positions: positions, nonlinearity: Nonlinearity(.gelu),
                               initializer: .xavier, parameters: placement.parameters, gradients: placement.gradients,
                               offset: placement.offset, maxBatchSize: placement.maxBatchSize, context: placement.context)
        let second = DenseLayer(inputSize: hidden, units: features, positions: positions, nonlinearity: Nonlinearity(.identity),
                                initializer: .xavier, parameters: placement.parameters, gradients: placement.gradients,
                                offset: placement.offset + DenseLayer.parameterCount(inputSize: features, units: hidden),
                                maxBatchSize: placement.maxBatchSize, context: placement.context)
        return LayerChain([first, second])
    }
}
