import ExptConfig

/// `flatten` in a manifest: any shape to a vector of its values, in row-major order (no
/// computation: a change of view, so it makes no runtime layer). No settings.
public struct FlattenSpec: LayerKind {
    public static let name = "flatten"
    public static let summary = "Any shape to a vector of its values (row-major)."
    public static let storedForm = StoredForm.empty
    public static let valueless = true
    public static var settings: [Hyperparameter<Self>] { [] }

    public init() {}

    public var reportLine: String { Self.name }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        LayerShape(input: input, output: [saturatingProduct(input)], parameterCount: 0)
    }

    /// Free.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        0
    }

    /// Nothing: a change of view.
    public func memory(_ shape: LayerShape) -> LayerMemory {
        LayerMemory(perExample: 0)
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        nil
    }
}

extension LayerSpec {
    /// A `flatten` layer.
    public static let flatten = LayerSpec(FlattenSpec())
}
