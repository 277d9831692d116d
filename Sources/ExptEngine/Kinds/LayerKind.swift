import ExptConfig

/// A kind of layer a manifest can name: a settings type (its values are the layer's settings,
/// described by a table) that also answers everything the engine, the cost model, the memory
/// check and the report ask of a layer: its shapes, its multiply-adds, its memory, its one-line
/// description and the runtime layer it makes. Each kind is one type in one file, listed once in
/// ``LayerRegistry``.
///
/// In a manifest a layer is a mapping whose kind key holds the first row of the table
/// (`KIND: 64` sets the units of a layer whose first row is `units`), beside the other rows'
/// keys; a kind that is `valueless` takes no value there (it is written as its bare name, or as
/// `KIND:` with options), and every row is a key beside it.
public protocol LayerKind: KindSettings {
    /// The names a manifest may give this kind; by default `[name]` (a recurrent layer: its cells).
    static var manifestNames: [String] { get }
    /// Whether the kind key takes no value (and the layer may be written as its bare name); by default false.
    static var valueless: Bool { get }
    /// Defaults that depend on other settings, in words, by key (`stride`: `the window`); by default none.
    static var describedDefaults: [String: String] { get }
    /// The defaults of the layer a manifest names `manifestName`; by default `init()`.
    init(manifestName: String)
    /// The name this layer has in a manifest and in error messages; by default `name`.
    var manifestName: String { get }
    /// One line for `expt list` and the docs, for this layer's manifest name; by default `summary`.
    var manifestSummary: String { get }
    /// The settings with the defaults that depend on other settings set, given which keys the
    /// manifest wrote (an initialiser follows the activation); by default unchanged.
    func resolved(givenKeys: Set<String>) -> Self
    /// The units setting of a layer whose output is one value per unit (a fully connected
    /// layer, a recurrent one returning its last state), for errors that name it; by default nil.
    var outputUnits: Int? { get }
    /// The layer in one line for reports: its manifest name, its sizes, its activation when not
    /// the identity, its initialiser when not the default.
    var reportLine: String { get }
    /// This layer's shapes for an input of shape `input` (read as ``ModelShape`` describes), or
    /// the error `fail` makes of what does not fit. Counts that would overflow saturate at `Int.max`.
    func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape
    /// Multiply-adds of one example's forward pass through a layer of shapes `shape`.
    func multiplyAdds(_ shape: LayerShape) -> Double
    /// The 4-byte values the built layer allocates (its outputs, their gradients and what its
    /// backward pass reads), at most: per example of its largest batch, and per thread.
    func memory(_ shape: LayerShape) -> LayerMemory
    /// The layer's parameter tensors in storage order, named and shaped as torch's module names
    /// and shapes them (their sizes add up to `shape.parameterCount`); by default none.
    func parameterTensors(_ shape: LayerShape) -> [LayerTensor]
    /// The runtime layer, or nil for one that only changes how the next layer reads the same
    /// memory (a change of view).
    func makeLayer(_ placement: LayerPlacement) -> (any Layer)?
}

extension LayerKind {
    public static var manifestNames: [String] { [name] }
    public static var valueless: Bool { false }
    public static var describedDefaults: [String: String] { [:] }

    public init(manifestName: String) {
        self.init()
    }

    public var manifestName: String { Self.name }
    public var manifestSummary: String { Self.summary }
    public var outputUnits: Int? { nil }

    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        []
    }

    public func resolved(givenKeys: Set<String>) -> Self {
        self
    }
}

/// Where a layer is built: its shapes, the network's parameter and gradient buffers (the layer's
/// slice starts at `offset`), the largest batch it will see, and the run's compute context
/// (threads, instruction set, shared scratch buffers) it computes with.
public struct LayerPlacement {
    public let shape: LayerShape
    public let parameters: FloatBuffer
    public let gradients: FloatBuffer
    public let offset: Int
    public let maxBatchSize: Int
    public let context: ComputeContext

    /// Values per example in the input.
    var inputSize: Int { shape.input.reduce(1, *) }
}
