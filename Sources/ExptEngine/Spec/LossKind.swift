/// The training objective.
public enum LossKind: String, CaseIterable, Sendable, Codable {
    /// Softmax over the model's outputs, then the mean negative log-likelihood of the true class.
    case crossEntropy = "cross_entropy"
    /// Mean over the batch of the squared error summed over outputs, divided by the output count
    /// (as PyTorch's `MSELoss(reduction: "mean")`, which averages over every element).
    case meanSquaredError = "mse"
}
