/// How a run's targets reach its loss, and where accuracy finds the class indices.
enum TargetForm: Equatable {
    /// Class indices as stored, for cross-entropy; they are also the labels for accuracy.
    case classIndices
    /// A class index per position of each example (a language model's next tokens), as
    /// stored, for cross-entropy over an output `[positions, classes]`; also the labels.
    case positionClassIndices(positions: Int)
    /// Class indices expanded into one-hot vectors of `classes` values batch by batch, for a
    /// classification dataset trained with squared error; the indices are the labels.
    case oneHot(classes: Int)
    /// Values to fit as stored (regression); no accuracy.
    case values(count: Int)

    /// Target values per example, as the loss reads them.
    var width: Int {
        switch self {
        case .classIndices: 1
        case .positionClassIndices(let positions): positions
        case .oneHot(let classes): classes
        case .values(let count): count
        }
    }
}
