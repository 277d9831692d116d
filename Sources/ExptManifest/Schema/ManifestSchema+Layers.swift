import ExptEngine

/// The layer kinds. A layer is a mapping whose kind key (listed first) holds its main value;
/// defaults come from the engine's layer specifications.
extension ManifestSchema {
    public static let layers = SchemaSection(
        name: "layers", usage: "model: [{KIND: VALUE, KEY: VALUE, …}, …]; flatten and batchnorm also as a bare name",
        names: [dense, conv2d, pool("maxpool2d", "Maximum"), pool("avgpool2d", "Average"), flatten, dropout, batchnorm]
            + RecurrentSpec.Cell.allCases.map(recurrent),
        shared: [])

    private static let units = SettingKind.integer(1...ManifestDecoder.maximumUnits)
    private static let window = SettingKind.integer(1...ManifestDecoder.maximumWindow)
    private static let nothing = SettingKind.described("nothing")
    /// The initialiser names, `glorot` being Xavier's other name.
    static let initializers = SettingKind.choice(Initializer.allCases.map(\.rawValue) + ["glorot"])

    private static let dense: NameSchema = {
        let d = DenseSpec(units: 1)
        return NameSchema("dense", "Fully connected: y = activation(x W + b); input a vector.", [
            SettingSchema("dense", units, .required, "Units."),
            activation(d.activation),
            slope(d.leakySlope),
            initializer,
        ])
    }()

    private static let conv2d: NameSchema = {
        let d = Conv2DSpec(filters: 1, kernel: 1)
        return NameSchema("conv2d", "2D convolution (cross-correlation, as torch.nn.Conv2d) over [c, h, w].", [
            SettingSchema("conv2d", units, .required, "Filters."),
            SettingSchema("kernel", window, .required, "Side of the square kernel."),
            SettingSchema("stride", window, .integer(d.stride), "Step on both axes."),
            SettingSchema("padding", .integer(0...ManifestDecoder.maximumWindow), .integer(d.padding), "Zeros added on every side."),
            activation(d.activation),
            slope(d.leakySlope),
            initializer,
        ])
    }()

    private static func pool(_ kind: String, _ what: String) -> NameSchema {
        NameSchema(kind, "\(what) over square windows, without padding; input [c, h, w].", [
            SettingSchema(kind, window, .required, "Side of the square window."),
            SettingSchema("stride", window, .described("the window"), "Step on both axes."),
        ])
    }

    private static let flatten = NameSchema("flatten", "Any shape to a vector of its values (row-major).", [
        SettingSchema("flatten", nothing, .described("nothing"), "Write it as - flatten."),
    ])

    private static let dropout = NameSchema("dropout", "Zeroes each value with probability rate in training; any shape.", [
        SettingSchema("dropout", .number(.halfOpenUnit), .required, "Rate; the kept values are scaled by 1/(1 − rate)."),
    ])

    private static let batchnorm: NameSchema = {
        let d = BatchNormSpec()
        return NameSchema("batchnorm", "Batch normalisation per feature or channel (torch.nn.BatchNorm1d/2d).", [
            SettingSchema("batchnorm", nothing, .described("nothing"), "Write it as - batchnorm, or batchnorm: with options."),
            SettingSchema("momentum", .number(.closedUnit), .number(d.momentum), "Weight of each batch in the running statistics."),
            SettingSchema("eps", .number(.positive), .number(d.epsilon), "Added to the variance."),
            activation(d.activation),
            slope(d.leakySlope),
        ])
    }()

    private static func recurrent(_ cell: RecurrentSpec.Cell) -> NameSchema {
        let d = RecurrentSpec(cell: cell, units: 1)
        let torch = ["rnn": "RNN", "gru": "GRU", "lstm": "LSTM"][cell.rawValue] ?? cell.rawValue
        return NameSchema(cell.rawValue, "Recurrent layer over [steps, features], as torch.nn.\(torch).", [
            SettingSchema(cell.rawValue, units, .required, "Units."),
            SettingSchema("return", .choice(of: RecurrentSpec.Output.self), .name(d.output.rawValue),
                          "The last hidden state, or every one (to stack recurrent layers)."),
            SettingSchema("init", initializers, .name(d.initializer.rawValue), "The input-to-hidden weights."),
            SettingSchema("recurrent_init", initializers, .name(d.recurrentInitializer.rawValue), "The hidden-to-hidden weights."),
        ])
    }

    private static func activation(_ value: Activation) -> SettingSchema {
        SettingSchema("activation", .choice(of: Activation.self), .name(value.rawValue), "Applied after the layer's map.")
    }

    private static func slope(_ value: Float) -> SettingSchema {
        SettingSchema("slope", .number(.nonNegative), .value(YAMLText.number(Double("\(value)") ?? Double(value))),
                      "The negative slope of leaky_relu (only with it).")
    }

    private static let initializer = SettingSchema(
        "init", initializers,
        .described("\(Initializer.defaultFor(.relu).rawValue) after relu and leaky_relu, \(Initializer.defaultFor(.identity).rawValue) otherwise"),
        "How the weights are drawn; biases start at zero.")
}
