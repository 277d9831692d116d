import ExptConfig

/// A square pooling window, without padding; the stride defaults to the window.
public struct PoolSpec: Sendable, Equatable, Codable {
    public var kernel: Int
    public var stride: Int

    public init(kernel: Int, stride: Int? = nil) {
        self.kernel = kernel
        self.stride = stride ?? kernel
    }
}

/// How a pooling layer reduces each window.
public enum PoolReduction: Sendable {
    case max, average
}

/// What tells the pooling kinds apart: their names and the reduction over each window.
public protocol PoolMode: Sendable {
    static var name: String { get }
    /// The key of the stored config (the case name of the enum the kinds replaced).
    static var storedName: String { get }
    /// The reduction in words, for the summary: `Maximum`, `Average`.
    static var reductionText: String { get }
    static var reduction: PoolReduction { get }
}

/// A pooling layer over `[channels, height, width]`: each channel's square windows reduced as
/// `Mode` says (``MaxPooling``, ``AveragePooling``). Stored as its window, `{"kernel": k, "stride": s}`.
public struct Pool2D<Mode: PoolMode>: LayerKind {
    public static var name: String { Mode.name }
    public static var storedName: String { Mode.storedName }
    public static var summary: String { "\(Mode.reductionText) over square windows, without padding; input [c, h, w]." }
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("window", .requiredInteger(\.window.kernel.required, LayerSize.window), "Side of the square window."),
            Hyperparameter("stride", .integer(\.window.stride, LayerSize.window), "Step on both axes."),
        ]
    }

    public static var describedDefaults: [String: String] { ["stride": "the window"] }

    public var window: PoolSpec

    public init(_ window: PoolSpec) {
        self.window = window
    }

    /// A 1x1 window.
    public init() {
        self.init(PoolSpec(kernel: 1))
    }

    public init(from decoder: any Decoder) throws {
        window = try PoolSpec(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try window.encode(to: encoder)
    }

    /// Without `stride`, the window steps by its side.
    public func resolved(givenKeys: Set<String>) -> Self {
        givenKeys.contains("stride") ? self : Self(PoolSpec(kernel: window.kernel))
    }

    public var reportLine: String {
        "\(Self.name) \(window.kernel)" + (window.stride == window.kernel ? "" : " stride \(window.stride)")
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        let image = try ModelShape.image(input, fail)
        let (height, width) = try ModelShape.window(image, kernel: window.kernel, stride: window.stride, padding: 0,
                                                    what: "a \(window.kernel)x\(window.kernel) window", fail)
        return LayerShape(input: input, output: [image[0], height, width], parameterCount: 0)
    }

    /// One per output value.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.output.reduce(1, *))
    }

    /// The output, its gradient and the index of each maximum.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        .outputs(shape, copies: 3)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        PoolLayer(mode: Mode.reduction, image: ModelShape.image(placement.shape.input)!, spec: window,
                  maxBatchSize: placement.maxBatchSize, context: placement.context)
    }
}
