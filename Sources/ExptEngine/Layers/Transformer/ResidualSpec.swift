import ExptConfig

/// `residual` in a manifest: a block of layers whose output is added to its input,
/// `y = x + f(x)`, or with a layer norm LN over the last axis, pre-norm `y = x + f(LN(x))` or
/// post-norm `y = LN(x + f(x))`, where `f` is the block's layers applied one after another (a
/// ``ResidualLayer`` over a ``LayerChain``). The layers must give back the shape of their input.
///
/// Tensors, in storage order: `norm.weight`, `norm.bias` (pre-norm), then each inner layer's
/// tensors prefixed by `layers.<index>.`, then `norm.*` (post-norm): the names of a torch module
/// with a `ModuleList` called `layers` and a `LayerNorm` called `norm`.
public struct ResidualSpec: LayerKind {
    public static let name = "residual"
    public static let summary = "A block of layers whose output is added to its input, with an optional layer norm before or after."
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("layers", .described(HyperparameterDescription(
                type: "sequence of layers", defaultValue: nil,
                text: { $0.layers.map(\.description).joined(separator: ", ") })),
            "The block's layers, input to output; their output has the shape of their input."),
            Hyperparameter("norm", .choice(.of(\.norm)), "none: x + f(x); pre: x + f(layer_norm(x)); post: layer_norm(x + f(x))."),
        ]
    }

    /// Where the block normalises.
    public enum Norm: String, CaseIterable, Sendable, Codable {
        case none
        case pre
        case post
    }

    public var layers: [LayerSpec]
    public var norm: Norm

    public init(layers: [LayerSpec], norm: Norm = .none) {
        self.layers = layers
        self.norm = norm
    }

    public init() {
        self.init(layers: [])
    }

    public var reportLine: String {
        "residual" + (norm == .none ? "" : " \(norm.rawValue)-norm") + " (" + layers.map(\.description).joined(separator: ", ") + ")"
    }

    /// The inner layers' shapes for the block's input `input`, or the error `fail` makes of the
    /// first that does not fit, naming it by its place in the block.
    private func innerShapes(_ input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> [LayerShape] {
        guard layers.contains(where: { !($0.settings is FlattenSpec) }) else {
            throw fail("expects at least one layer besides flatten in the block")
        }
        for (index, layer) in layers.enumerated() where layer.settings is DropoutSpec || layer.settings is BatchNormSpec {
            throw fail("layer \(index) of the block is \(layer.kind); dropout and batch_norm may only stand at the model's top level")
        }
        do {
            return try ModelShape.infer(inputShape: input, layers: layers)
        } catch {
            throw fail("layer \(error.layerIndex) of the block (\(error.layerKind)): \(error.message)")
        }
    }

    /// The norm's shape, or nil without one.
    private func normShape(_ input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape? {
        norm == .none ? nil : try LayerNormSpec().shape(for: input, fail)
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let shapes = try innerShapes(input, fail)
        let output = shapes[shapes.count - 1].output
        guard output == input else {
            throw fail("expects its layers to give back the shape of its input, \(shapeText(input)), found \(shapeText(output))")
        }
        let normCount = try normShape(input, fail)?.parameterCount ?? 0
        return LayerShape(input: input, output: input, parameterCount: saturatingSum([normCount, ModelShape.parameterCount(shapes)]))
    }

    /// The inner layers' shapes and the norm's, for a block whose shape was inferred.
    private func parts(_ shape: LayerShape) -> (inner: [LayerShape], norm: LayerShape?) {
        func fail(_ message: String) -> ShapeError {
            ShapeError(layerIndex: 0, layerKind: Self.name, message: message)
        }
        do {
            return (try innerShapes(shape.input, fail), try normShape(shape.input, fail))
        } catch {
            preconditionFailure("a residual block's shapes were checked: \(error)")
        }
    }

    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let (inner, normShape) = parts(shape)
        var tensors: [LayerTensor] = []
        for (index, (layer, layerShape)) in zip(layers, inner).enumerated() {
            tensors += layer.settings.parameterTensors(layerShape).map {
                LayerTensor("layers.\(index).\($0.name)", $0.shape, storedTransposed: $0.storedTransposed)
            }
        }
        let normTensors = normShape.map { LayerNormSpec().parameterTensors($0).map { LayerTensor("norm." + $0.name, $0.shape) } } ?? []
        return norm == .pre ? normTensors + tensors : tensors + normTensors
    }

    /// The inner layers' and the norm's.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        let (inner, normShape) = parts(shape)
        let layerSum = zip(layers, inner).reduce(0) { $0 + $1.0.settings.multiplyAdds($1.1) }
        return layerSum + (normShape.map { LayerNormSpec().multiplyAdds($0) } ?? 0)
    }

    /// The inner layers', the norm's, and the sum x + f(·) with the gradient of the body's path.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        let (inner, normShape) = parts(shape)
        var total = LayerMemory(perExample: 2 * Double(shape.input.reduce(1, *)))
        for (layer, layerShape) in zip(layers, inner) {
            let memory = layer.settings.memory(layerShape)
            total.perExample += memory.perExample
            total.perThread += memory.perThread
        }
        if let normShape { total.perExample += LayerNormSpec().memory(normShape).perExample }
        return total
    }

    /// The norm over the block's first (pre-norm) or last (post-norm) parameters, the inner
    /// layers over the others in turn.
    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        let (inner, normShape) = parts(placement.shape)
        var offset = norm == .pre ? normShape?.parameterCount ?? 0 : 0
        var body: [any Layer] = []
        for (layer, layerShape) in zip(layers, inner) {
            if let made = layer.settings.makeLayer(placement.advanced(by: offset, shape: layerShape)) { body.append(made) }
            offset += layerShape.parameterCount
        }
        var place = ResidualLayer.Norm.none
        if let normShape {
            let layerNorm = LayerNormSpec().layer(placement.advanced(by: norm == .pre ? 0 : offset, shape: normShape))
            place = norm == .pre ? .pre(layerNorm) : .post(layerNorm)
        }
        return ResidualLayer(body: body.count == 1 ? body[0] : LayerChain(body), norm: place, maxBatchSize: placement.maxBatchSize)
    }
}
