/// A layer that does not fit the shape of its input.
public struct ShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The layer's 0-based position in the model.
    public let layerIndex: Int
    /// Its kind, as the manifest names it (``LayerKind/manifestName``).
    public let layerKind: String
    /// What is wrong, naming the shapes: `expects a vector input, found shape [16, 7, 7]; …`.
    public let message: String

    public init(layerIndex: Int, layerKind: String, message: String) {
        self.layerIndex = layerIndex
        self.layerKind = layerKind
        self.message = message
    }

    /// `model[3].<kind>: expects a vector input, …`: the manifest's key path, then the message.
    public var description: String {
        "model[\(layerIndex)].\(layerKind): \(message)"
    }
}

/// `[16, 7, 7]`.
func shapeText(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
