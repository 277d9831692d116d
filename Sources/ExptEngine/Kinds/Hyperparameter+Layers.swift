import ExptConfig

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

extension Int {
    /// The value as a table's required row reads and sets it (`\.units.required`): a layer's
    /// size has a default in code, and a manifest must still give it.
    var required: Int? {
        get { self }
        set { self = newValue ?? self }
    }
}

extension Double {
    /// The value as a table's required row reads and sets it (`\.rate.required`).
    var required: Double? {
        get { self }
        set { self = newValue ?? self }
    }
}
