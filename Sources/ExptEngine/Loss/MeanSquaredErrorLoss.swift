/// Squared error: per example, the mean over outputs of (z − t)², so the batch mean equals
/// PyTorch's `MSELoss()` (the mean over every element). Targets are batch x outputs values.
enum MeanSquaredErrorLoss {
    /// The sum over `rows` examples of their losses.
    static func lossSum(outputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, columns: Int) -> Double {
        var sum = 0.0
        for row in 0..<rows {
            var rowSum: Float = 0
            for j in row * columns..<(row + 1) * columns {
                let difference = outputs[j] - targets[j]
                rowSum += difference * difference
            }
            sum += Double(rowSum)
        }
        return sum / Double(columns)
    }

    /// Writes the gradient of the batch's mean loss with respect to the outputs,
    /// 2 (z − t) / (rows · columns), into `gradient`, and returns the mean loss.
    static func meanLossAndGradient(outputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, columns: Int, gradient: UnsafeMutablePointer<Float>) -> Double {
        let scale = 2 / Float(rows * columns)
        for j in 0..<rows * columns { gradient[j] = scale * (outputs[j] - targets[j]) }
        return lossSum(outputs: outputs, targets: targets, rows: rows, columns: columns) / Double(rows)
    }
}
