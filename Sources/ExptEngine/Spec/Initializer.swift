/// How a layer's weights are drawn before training. Biases always start at zero.
public enum Initializer: String, CaseIterable, Sendable, Codable {
    /// He (Kaiming) normal: N(0, 2 / fanIn). The default after `relu` and `leaky_relu`.
    case he
    /// Xavier (Glorot) uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). The default otherwise.
    case xavier
    /// A (semi-)orthogonal matrix with gain 1: Gram-Schmidt on Gaussian draws. The default for
    /// the hidden-to-hidden weights of recurrent layers, one square block per gate.
    case orthogonal
    /// All zeros.
    case zeros

    /// The initialiser used when a layer names none: He for relu and leaky relu, Xavier for everything else.
    public static func defaultFor(_ activation: Activation) -> Initializer {
        activation == .relu || activation == .leakyRelu ? .he : .xavier
    }
}
