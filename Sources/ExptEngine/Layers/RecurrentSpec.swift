import ExptConfig

/// `rnn`, `gru` or `lstm` in a manifest: a recurrent layer over a sequence `[steps, features]`,
/// with torch's gate equations and order. One kind for the three cells, stored as
/// `{"recurrent": {"_0": {"cell": "gru", …}}}`; the manifest names it by its cell.
public struct RecurrentSpec: LayerKind {
    /// Which recurrence.
    public enum Cell: String, CaseIterable, Sendable, Codable {
        /// Elman: `h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)`.
        case rnn
        /// Gates (r, z, n), as `torch.nn.GRU`.
        case gru
        /// Gates (i, f, g, o), as `torch.nn.LSTM`.
        case lstm

        /// The cell that computes the recurrence.
        var cellType: any RecurrentCell.Type {
            switch self {
            case .rnn: ElmanCell.self
            case .gru: GRUCell.self
            case .lstm: LSTMCell.self
            }
        }

        /// Gates per unit: the rows of the weight matrices are `gates x units`.
        var gates: Int {
            cellType.gates
        }

        /// The torch module it matches: `RNN`, `GRU`, `LSTM`.
        var torchName: String {
            rawValue.uppercased()
        }
    }

    /// What the layer returns.
    public enum Output: String, CaseIterable, Sendable, Codable {
        /// The last hidden state, `[units]`.
        case last
        /// Every hidden state, `[steps, units]`.
        case sequence
    }

    public static let name = "recurrent"
    public static let summary = "Recurrent layer over [steps, features], as torch.nn.RNN, GRU or LSTM."
    public static var manifestNames: [String] { Cell.allCases.map(\.rawValue) }
    public static var settings: [Hyperparameter<Self>] {
        [
            Hyperparameter("units", .requiredInteger(\.units.required, LayerSize.units), "Units."),
            Hyperparameter("return", .choice(.of(\.output, noun: "return mode")), "The last hidden state, or every one (to stack recurrent layers)."),
            Hyperparameter("init", .choice(.initializer(\.initializer)), "The input-to-hidden weights."),
            Hyperparameter("recurrent_init", .choice(.initializer(\.recurrentInitializer)), "The hidden-to-hidden weights."),
        ]
    }

    public var cell: Cell
    public var units: Int
    public var output: Output
    /// Of the input-to-hidden weights.
    public var initializer: Initializer
    /// Of the hidden-to-hidden weights.
    public var recurrentInitializer: Initializer

    public init(cell: Cell, units: Int, output: Output = .last, initializer: Initializer = .xavier,
                recurrentInitializer: Initializer = .orthogonal) {
        self.cell = cell
        self.units = units
        self.output = output
        self.initializer = initializer
        self.recurrentInitializer = recurrentInitializer
    }

    /// An Elman cell of one unit, every other setting at its default.
    public init() {
        self.init(cell: .rnn, units: 1)
    }

    /// One unit of the cell `manifestName` names.
    public init(manifestName: String) {
        self.init(cell: Cell(rawValue: manifestName) ?? .rnn, units: 1)
    }


    public var manifestName: String {
        cell.rawValue
    }

    public var outputUnits: Int? {
        output == .last ? units : nil
    }

    public var manifestSummary: String {
        "Recurrent layer over [steps, features], as torch.nn.\(cell.torchName)."
    }

    public var reportLine: String {
        "\(cell.rawValue) \(units)" + (output == .last ? "" : " sequence")
    }

    public func shape(for input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> LayerShape {
        guard let sequence = ModelShape.sequence(input) else {
            throw fail("expects a sequence of shape [steps, features], found \(shapeText(input))")
        }
        let rows = saturatingProduct([cell.gates, units])
        let count = saturatingSum([saturatingProduct([rows, sequence[1]]), saturatingProduct([rows, units]),
                                   saturatingProduct([2, rows])])
        return LayerShape(input: input, output: output == .last ? [units] : [sequence[0], units], parameterCount: count)
    }

    /// torch's `RNN`/`GRU`/`LSTM` with one layer: `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`.
    public func parameterTensors(_ shape: LayerShape) -> [LayerTensor] {
        let rows = cell.gates * units
        let features = (shape.parameterCount - rows * units - 2 * rows) / rows
        return [LayerTensor("weight_ih_l0", [rows, features]), LayerTensor("weight_hh_l0", [rows, units]),
                LayerTensor("bias_ih_l0", [rows]), LayerTensor("bias_hh_l0", [rows])]
    }

    /// The parameters once per step of the input sequence.
    public func multiplyAdds(_ shape: LayerShape) -> Double {
        Double(shape.parameterCount) * Double(shape.input[0])
    }

    /// Per step: the gates, their projections and gradients, a cell's own copy of them (GRU)
    /// and two states (h and the cell's c or candidate), gates · units · 4 + units · 2; then the
    /// output and its gradient, and the gradients reaching h (and c).
    public func memory(_ shape: LayerShape) -> LayerMemory {
        let steps = Double(shape.input[0]), width = Double(cell.gates * units)
        let outputs = Double(shape.output.reduce(1, *))
        return LayerMemory(perExample: steps * (4 * width + 2 * Double(units)) + 2 * outputs + width + 3 * Double(units))
    }

    public func makeLayer(_ placement: LayerPlacement) -> (any Layer)? {
        RecurrentLayer(cell: cell.cellType, sequence: ModelShape.sequence(placement.shape.input)!, units: units, returns: output,
                       initializer: initializer, recurrentInitializer: recurrentInitializer, parameters: placement.parameters,
                       gradients: placement.gradients, offset: placement.offset, maxBatchSize: placement.maxBatchSize,
                       context: placement.context)
    }
}

extension LayerSpec {
    /// An `rnn`, `gru` or `lstm` layer.
    public static func recurrent(_ spec: RecurrentSpec) -> Self { Self(spec) }
}
