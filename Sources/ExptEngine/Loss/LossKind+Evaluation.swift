/// Dispatch from the manifest's loss choice to its implementation.
extension LossKind {
    /// The sum of per-example losses over the first `rows` rows of `outputs` (rows x columns).
    func lossSum(outputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, columns: Int) -> Double {
        switch self {
        case .crossEntropy: CrossEntropyLoss.lossSum(logits: outputs, labels: targets, rows: rows, classes: columns)
        case .meanSquaredError: MeanSquaredErrorLoss.lossSum(outputs: outputs, targets: targets, rows: rows, columns: columns)
        }
    }

    /// Writes the gradient of the mean loss with respect to `outputs` into `gradient`; returns the mean loss.
    func meanLossAndGradient(outputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, columns: Int, gradient: UnsafeMutablePointer<Float>) -> Double {
        switch self {
        case .crossEntropy:
            CrossEntropyLoss.meanLossAndGradient(logits: outputs, labels: targets, rows: rows, classes: columns, gradient: gradient)
        case .meanSquaredError:
            MeanSquaredErrorLoss.meanLossAndGradient(outputs: outputs, targets: targets, rows: rows, columns: columns, gradient: gradient)
        }
    }
}
