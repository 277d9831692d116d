/// What a layer allocates besides its parameters, in 4-byte values (32-bit floats, 32-bit
/// indices), as an upper bound: `perExample` for each example of the largest batch, `perThread`
/// for each thread's scratch. A model's buffers for a batch of B examples on T threads take
/// 4 · (B · Σ perExample + T · Σ perThread + 2 · parameters) bytes (the parameters and their
/// gradients); the manifest decoder refuses a model whose buffers exceed the memory budget.
public struct LayerMemory: Sendable, Equatable {
    public var perExample: Double
    public var perThread: Double

    public init(perExample: Double, perThread: Double = 0) {
        self.perExample = perExample
        self.perThread = perThread
    }

    /// `copies` values per output value (the output, its gradient, a pre-activation or mask …).
    public static func outputs(_ shape: LayerShape, copies: Double) -> Self {
        Self(perExample: copies * Double(shape.output.reduce(1, *)))
    }
}
