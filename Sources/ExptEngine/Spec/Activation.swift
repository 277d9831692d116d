/// An elementwise activation applied after a layer's affine map.
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// No activation: the layer stays affine (the usual choice for the output layer).
    case identity
    case relu
    /// `max(z, 0) + slope · min(z, 0)`; the slope is the layer's `leakySlope` (0.01 by default, as torch).
    case leakyRelu = "leaky_relu"
    /// `z · Φ(z)` with the exact normal CDF `Φ(z) = (1 + erf(z / √2)) / 2` (torch's default, not the tanh form).
    case gelu
    case tanh
    case sigmoid
}
