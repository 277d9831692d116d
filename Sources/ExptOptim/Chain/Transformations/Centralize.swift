import ExptConfig

/// `centralize`: gradient centralisation (Yong et al. 2020): for every tensor of two or more
/// dimensions, torch's shape [r, c₁, …], each row (one output unit's weights) loses its mean,
/// the mean over all dimensions but the first:
///
///     u[i, …] ← u[i, …] − mean over j of u[i, j]          (vectors and scalars unchanged)
///
/// A fully connected weight that expt stores transposed ([in, out]) has its torch rows as
/// columns in memory; the mean is taken over torch's row all the same. The sums are in double
/// precision, the mean rounded to the parameters' type once per row.
public struct Centralize: Transformation {
    public static let name = "centralize"
    public static let summary = "Each row of every matrix or convolution weight (torch's first dimension) minus its mean (gradient centralisation)."
    public static var settings: [Hyperparameter<Self>] { [] }
    public static var storedForm: StoredForm { .empty }

    public init() {}

    public var action: TransformationAction { .whole }

    public func applyWhole<Scalar: BinaryFloatingPoint>(_ update: UnsafeMutableBufferPointer<Scalar>, parameters: UnsafeBufferPointer<Scalar>,
                                                        layout: ParameterLayout, state: OptimizerState<Scalar>, step: StepScalars) {
        for tensor in layout.tensors {
            guard let (rows, columns) = tensor.matrixShape else { continue }
            // Element (row, column) of torch's matrix, and the stride between a row's elements.
            let rowStart = { (row: Int) in tensor.range.lowerBound + (tensor.storedTransposed ? row : row * columns) }
            let stride = tensor.storedTransposed ? rows : 1
            for row in 0..<rows {
                let start = rowStart(row)
                var sum = 0.0
                for column in 0..<columns { sum += Double(update[start + column * stride]) }
                let mean = Scalar(sum / Double(columns))
                for column in 0..<columns { update[start + column * stride] -= mean }
            }
        }
    }
}
