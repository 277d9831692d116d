/// The recurrences a layer spec names, mapped to the cells that compute them.
extension RecurrentSpec.Cell {
    var cellType: any RecurrentCell.Type {
        switch self {
        case .rnn: ElmanCell.self
        case .gru: GRUCell.self
        case .lstm: LSTMCell.self
        }
    }
}

extension RecurrentLayer {
    /// The layer `spec` describes, for sequences of shape `[steps, features]`, with parameters
    /// from `offset` on.
    convenience init(sequence: [Int], spec: RecurrentSpec, parameters: FloatBuffer, gradients: FloatBuffer, offset: Int,
                     maxBatchSize: Int) {
        self.init(cell: spec.cell.cellType, sequence: sequence, units: spec.units, returns: spec.output,
                  initializer: spec.initializer, recurrentInitializer: spec.recurrentInitializer,
                  parameters: parameters, gradients: gradients, offset: offset, maxBatchSize: maxBatchSize)
    }
}
