/// An elementwise activation applied after a layer's affine map.
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// No activation: the layer stays affine (the usual choice for the output layer).
    case identity
    case relu
    case tanh
    case sigmoid
}
