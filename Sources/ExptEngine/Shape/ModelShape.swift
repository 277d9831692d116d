/// One layer's shapes (per example) and parameter count, as inferred before training.
public struct LayerShape: Sendable, Equatable {
    public var input: [Int]
    public var output: [Int]
    /// Weights and biases (a normalisation's scale and shift; running statistics are state, not parameters).
    public var parameterCount: Int
}

/// Shape inference over a model: what each layer receives and produces, checked before any
/// memory is allocated.
///
/// Inputs are read in the natural way when their rank differs from what a layer needs, without
/// moving any value: for a layer over images a vector `[n]` is the image `[1, 1, n]` and a
/// matrix `[h, w]` the image `[1, h, w]` (``image(_:_:)``); for a layer over sequences a vector
/// `[n]` is the sequence `[n, 1]`, n steps of one feature (``sequence(_:)``). Each kind's
/// ``LayerKind/shape(for:_:)`` says what it takes.
public enum ModelShape {
    /// The shapes of every layer, in order, for examples of shape `inputShape`.
    /// Counts that would overflow saturate at `Int.max`.
    public static func infer(inputShape: [Int], layers: [LayerSpec]) throws(ShapeError) -> [LayerShape] {
        precondition(!inputShape.isEmpty && inputShape.allSatisfy { $0 > 0 }, "an input shape has positive sizes")
        var shapes: [LayerShape] = []
        var current = inputShape
        for (index, layer) in layers.enumerated() {
            func fail(_ message: String) -> ShapeError {
                ShapeError(layerIndex: index, layerKind: layer.kind, message: message)
            }
            let shape = try layer.settings.shape(for: current, fail)
            shapes.append(shape)
            current = shape.output
        }
        return shapes
    }

    /// The total parameter count of a model, saturating at `Int.max`.
    public static func parameterCount(_ shapes: [LayerShape]) -> Int {
        shapes.reduce(0) { total, shape in
            let (sum, overflow) = total.addingReportingOverflow(shape.parameterCount)
            return overflow ? Int.max : sum
        }
    }

    /// `[c, h, w]` from a shape of rank 1 to 3.
    static func image(_ shape: [Int]) -> [Int]? {
        switch shape.count {
        case 1: [1, 1, shape[0]]
        case 2: [1, shape[0], shape[1]]
        case 3: shape
        default: nil
        }
    }

    /// `[c, h, w]` from `input`, or the error `fail` makes when its rank is not 1 to 3.
    static func image(_ input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> [Int] {
        guard let image = image(input) else {
            throw fail("expects an input of shape [channels, height, width], found \(shapeText(input))")
        }
        return image
    }

    /// The output height and width of a square window of side `kernel` sliding over `image`
    /// padded by `padding`, or the error `fail` makes when it does not fit (`what` names the window).
    static func window(
        _ image: [Int], kernel: Int, stride: Int, padding: Int, what: String, _ fail: (String) -> ShapeError
    ) throws(ShapeError) -> (Int, Int) {
        let height = image[1] + 2 * padding, width = image[2] + 2 * padding
        guard kernel <= height, kernel <= width else {
            throw fail("\(what) does not fit an input of shape \(shapeText(image))")
        }
        return ((height - kernel) / stride + 1, (width - kernel) / stride + 1)
    }

    /// `[steps, features]` from a shape of rank 1 or 2.
    static func sequence(_ shape: [Int]) -> [Int]? {
        switch shape.count {
        case 1: [shape[0], 1]
        case 2: shape
        default: nil
        }
    }
}

/// Products and sums that saturate at `Int.max` instead of trapping.
func saturatingProduct(_ values: [Int]) -> Int {
    var product = 1
    for value in values {
        let (next, overflow) = product.multipliedReportingOverflow(by: value)
        if overflow { return Int.max }
        product = next
    }
    return product
}

func saturatingSum(_ values: [Int]) -> Int {
    var sum = 0
    for value in values {
        let (next, overflow) = sum.addingReportingOverflow(value)
        if overflow { return Int.max }
        sum = next
    }
    return sum
}
