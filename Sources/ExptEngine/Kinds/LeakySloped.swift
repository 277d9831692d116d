import ExptConfig

/// A layer whose activation is followed by a leaky relu's slope, kept in `Float` as the stored
/// configs hold it.
public protocol LeakySloped {
    var activation: Activation { get set }
    var leakySlope: Float { get set }
}

extension LeakySloped {
    /// `leakySlope` as a manifest number: the `Float`'s shortest text read as a `Double` (0.01,
    /// not 0.009999999776), and set back rounded to `Float`.
    public var slope: Double {
        get { Double("\(leakySlope)") ?? Double(leakySlope) }
        set { leakySlope = Float(newValue) }
    }

    /// ` relu`, ` leaky_relu`, or nothing for `identity`: the activation as a report shows it.
    var activationSuffix: String {
        activation == .identity ? "" : " \(activation.rawValue)"
    }
}

extension KindSettings where Self: LeakySloped {
    /// The slope is leaky relu's: a manifest that gives it names that activation.
    public func conflict() -> HyperparameterConflict? {
        activation == .leakyRelu ? nil : HyperparameterConflict(key: "slope", involving: ["activation"], message: "slope needs activation: leaky_relu")
    }
}

/// A layer with weights drawn by an initialiser whose default follows the activation.
public protocol InitializedLayer: LeakySloped {
    var initializer: Initializer { get set }
}

extension LayerKind where Self: InitializedLayer {
    /// Without `init`, the initialiser follows the activation.
    public func resolved(givenKeys: Set<String>) -> Self {
        var settings = self
        if !givenKeys.contains("init") { settings.initializer = Initializer.defaultFor(activation) }
        return settings
    }
}

extension LeakySloped {
    /// The activation, then the initialiser when it is not the activation's default:
    /// ` relu`, ` (xavier init)`.
    func activationAndInitializer(_ initializer: Initializer) -> String {
        activationSuffix + (initializer == Initializer.defaultFor(activation) ? "" : " (\(initializer.rawValue) init)")
    }
}
