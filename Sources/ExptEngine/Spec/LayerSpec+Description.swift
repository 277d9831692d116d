extension LayerSpec: CustomStringConvertible {
    /// The layer's name in a manifest: `dense`, `conv2d`, `maxpool2d`, `avgpool2d`, `flatten`,
    /// `dropout`, `batchnorm`, `rnn`, `gru` or `lstm`.
    public var kind: String {
        switch self {
        case .dense: "dense"
        case .conv2d: "conv2d"
        case .maxPool2d: "maxpool2d"
        case .avgPool2d: "avgpool2d"
        case .flatten: "flatten"
        case .dropout: "dropout"
        case .batchNorm: "batchnorm"
        case .recurrent(let spec): spec.cell.rawValue
        }
    }

    /// A short summary for reports, e.g. `conv2d 16 5x5 pad 2 relu`, `gru 64 sequence`.
    public var description: String {
        switch self {
        case .dense(let spec):
            return "dense \(spec.units)" + Self.suffix(spec.activation, spec.initializer)
        case .conv2d(let spec):
            var text = "conv2d \(spec.filters) \(spec.kernel)x\(spec.kernel)"
            if spec.stride != 1 { text += " stride \(spec.stride)" }
            if spec.padding != 0 { text += " pad \(spec.padding)" }
            return text + Self.suffix(spec.activation, spec.initializer)
        case .maxPool2d(let spec), .avgPool2d(let spec):
            return "\(kind) \(spec.kernel)" + (spec.stride == spec.kernel ? "" : " stride \(spec.stride)")
        case .flatten:
            return "flatten"
        case .dropout(let spec):
            return "dropout \(spec.rate)"
        case .batchNorm(let spec):
            return "batchnorm" + (spec.activation == .identity ? "" : " \(spec.activation.rawValue)")
        case .recurrent(let spec):
            return "\(kind) \(spec.units)" + (spec.output == .last ? "" : " sequence")
        }
    }

    private static func suffix(_ activation: Activation, _ initializer: Initializer) -> String {
        var text = activation == .identity ? "" : " \(activation.rawValue)"
        if initializer != Initializer.defaultFor(activation) { text += " (\(initializer.rawValue) init)" }
        return text
    }
}
