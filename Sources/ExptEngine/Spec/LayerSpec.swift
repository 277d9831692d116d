/// One layer of a model as a manifest declares it, before shapes are known.
public enum LayerSpec: Sendable, Equatable, Codable {
    case dense(DenseSpec)
}

/// A fully connected layer: `y = activation(x W + b)`.
public struct DenseSpec: Sendable, Equatable, Codable {
    public var units: Int
    public var activation: Activation
    public var initializer: Initializer

    public init(units: Int, activation: Activation = .identity, initializer: Initializer? = nil) {
        self.units = units
        self.activation = activation
        self.initializer = initializer ?? Initializer.defaultFor(activation)
    }
}
