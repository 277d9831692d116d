/// A moment of a run whose weights `train.save_weights` stores, as `runs/<id>/weights/<name>.npz`
/// (docs/weights.md), when the run completes: the weights it started from, or the trained model
/// it ended with (the evaluation point, which the test set sees).
public enum SavedWeights: String, Sendable, Equatable, Codable, CaseIterable {
    case initial
    case final
}
