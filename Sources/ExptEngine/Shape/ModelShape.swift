/// One layer's shapes (per example) and parameter count, as inferred before training.
public struct LayerShape: Sendable, Equatable {
    public var input: [Int]
    public var output: [Int]
    /// Weights and biases (batchnorm: scale and shift; its running statistics are state, not parameters).
    public var parameterCount: Int
}

/// Shape inference over a model: what each layer receives and produces, checked before any
/// memory is allocated.
///
/// Inputs are read in the natural way when their rank differs from what a layer needs, without
/// moving any value: for `conv2d` and the pools a vector `[n]` is the image `[1, 1, n]` and a
/// matrix `[h, w]` the image `[1, h, w]`; for `rnn`, `gru` and `lstm` a vector `[n]` is the
/// sequence `[n, 1]` (n steps of one feature). `dense` needs a vector: put `flatten` before it.
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
            let shape = try layer.shape(for: current, fail)
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

extension LayerSpec {
    /// This layer's shapes for an input of shape `input`.
    func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        switch self {
        case .dense(let spec):
            guard input.count == 1 else {
                throw fail("expects a vector input, found shape \(shapeText(input)); add a flatten layer before it")
            }
            let count = saturatingSum([saturatingProduct([input[0], spec.units]), spec.units])
            return LayerShape(input: input, output: [spec.units], parameterCount: count)
        case .conv2d(let spec):
            let image = try Self.image(input, fail)
            let (height, width) = try Self.window(image, kernel: spec.kernel, stride: spec.stride, padding: spec.padding,
                                                  what: "a \(spec.kernel)x\(spec.kernel) kernel with padding \(spec.padding)", fail)
            let weights = saturatingProduct([spec.filters, image[0], spec.kernel, spec.kernel])
            return LayerShape(input: input, output: [spec.filters, height, width],
                              parameterCount: saturatingSum([weights, spec.filters]))
        case .maxPool2d(let spec), .avgPool2d(let spec):
            let image = try Self.image(input, fail)
            let (height, width) = try Self.window(image, kernel: spec.kernel, stride: spec.stride, padding: 0,
                                                  what: "a \(spec.kernel)x\(spec.kernel) window", fail)
            return LayerShape(input: input, output: [image[0], height, width], parameterCount: 0)
        case .flatten:
            return LayerShape(input: input, output: [saturatingProduct(input)], parameterCount: 0)
        case .dropout:
            return LayerShape(input: input, output: input, parameterCount: 0)
        case .batchNorm:
            guard input.count <= 3 else {
                throw fail("expects a vector, a sequence or an image, found shape \(shapeText(input))")
            }
            let channels = input.count == 3 ? input[0] : input[input.count - 1]
            return LayerShape(input: input, output: input, parameterCount: saturatingProduct([2, channels]))
        case .recurrent(let spec):
            guard let sequence = ModelShape.sequence(input) else {
                throw fail("expects a sequence of shape [steps, features], found \(shapeText(input))")
            }
            let rows = saturatingProduct([spec.cell.gates, spec.units])
            let count = saturatingSum([saturatingProduct([rows, sequence[1]]), saturatingProduct([rows, spec.units]),
                                       saturatingProduct([2, rows])])
            let output = spec.output == .last ? [spec.units] : [sequence[0], spec.units]
            return LayerShape(input: input, output: output, parameterCount: count)
        }
    }

    private static func image(_ input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> [Int] {
        guard let image = ModelShape.image(input) else {
            throw fail("expects an input of shape [channels, height, width], found \(shapeText(input))")
        }
        return image
    }

    /// The output height and width of a sliding window over `image`.
    private static func window(
        _ image: [Int], kernel: Int, stride: Int, padding: Int, what: String, _ fail: (String) -> ShapeError
    ) throws(ShapeError) -> (Int, Int) {
        let height = image[1] + 2 * padding, width = image[2] + 2 * padding
        guard kernel <= height, kernel <= width else {
            throw fail("\(what) does not fit an input of shape \(shapeText(image))")
        }
        return ((height - kernel) / stride + 1, (width - kernel) / stride + 1)
    }
}
