import ExptConfig

/// A kind of layer a manifest can name: a settings type (its values are the layer's settings,
/// described by a table) that also answers everything the engine, the cost model and the report
/// ask of a layer: its shapes, its multiply-adds, its one-line description and the runtime layer
/// it makes. Each kind is one type in one file, listed once in ``LayerRegistry``.
public protocol LayerKind: KindSettings {
    /// The name this layer has in a manifest and in error messages; by default `name` (a
    /// recurrent layer answers its cell's name).
    var manifestName: String { get }
    /// The layer in one line for reports, e.g. `conv2d 16 5x5 pad 2 relu`, `gru 64 sequence`.
    var reportLine: String { get }
    /// This layer's shapes for an input of shape `input` (read as ``ModelShape`` describes), or
    /// the error `fail` makes of what does not fit. Counts that would overflow saturate at `Int.max`.
    func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape
    /// Multiply-adds of one example's forward pass through a layer of shapes `shape`.
    func multiplyAdds(_ shape: LayerShape) -> Double
    /// The runtime layer, or nil for one that only changes how the next layer reads the same
    /// memory (`flatten`).
    func makeLayer(_ placement: LayerPlacement) -> (any Layer)?
}

extension LayerKind {
    public var manifestName: String { Self.name }
}

/// Where a layer is built: its shapes, the network's parameter and gradient buffers (the layer's
/// slice starts at `offset`), and the largest batch it will see.
public struct LayerPlacement {
    public let shape: LayerShape
    public let parameters: FloatBuffer
    public let gradients: FloatBuffer
    public let offset: Int
    public let maxBatchSize: Int

    /// Values per example in the input.
    var inputSize: Int { shape.input.reduce(1, *) }
}
