import ExptConfig

/// The sizes a manifest may give a layer.
public enum LayerSize {
    /// Units or filters.
    public static let units = 1...100_000
    /// The side of a kernel or a window, or a stride.
    public static let window = 1...10_000
}

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

/// The rows layers share.
extension Hyperparameter where Settings: LeakySloped {
    static var activation: Self {
        Hyperparameter("activation", .choice(.of(\.activation)), "Applied after the layer's map.")
    }

    static var slope: Self {
        Hyperparameter("slope", .number(\.slope, .nonNegative), "The negative slope of leaky_relu (only with it).")
    }

    /// `init`, whose default follows the activation (``Initializer/defaultFor(_:)``).
    static func initializer(_ path: WritableKeyPath<Settings, Initializer>) -> Self {
        let described = "\(Initializer.defaultFor(.relu).rawValue) after relu and leaky_relu, \(Initializer.defaultFor(.identity).rawValue) otherwise"
        return Hyperparameter("init", .choice(.initializer(path, describedDefault: described)), "How the weights are drawn; biases start at zero.")
    }
}

extension HyperparameterChoice {
    /// An initialiser, `glorot` being Xavier's other name.
    static func initializer(_ path: WritableKeyPath<Settings, Initializer>, describedDefault: String? = nil) -> Self {
        .of(path, describedDefault: describedDefault, noun: "initializer", aliases: [("glorot", .xavier)])
    }
}

extension KindSettings where Self: LeakySloped {
    /// The slope is leaky relu's: a manifest that gives it names that activation.
    public func conflict() -> HyperparameterConflict? {
        activation == .leakyRelu ? nil : HyperparameterConflict(key: "slope", involving: ["activation"], message: "slope needs activation: leaky_relu")
    }
}

extension LeakySloped {
    /// The activation, then the initialiser when it is not the activation's default:
    /// ` relu`, ` (xavier init)`.
    func activationAndInitializer(_ initializer: Initializer) -> String {
        activationSuffix + (initializer == Initializer.defaultFor(activation) ? "" : " (\(initializer.rawValue) init)")
    }
}
