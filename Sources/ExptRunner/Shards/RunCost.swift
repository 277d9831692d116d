import ExptData
import ExptEngine
import ExptManifest

/// The expected cost of a run, estimated from its settings alone so that shards can be balanced
/// before anything trains. Only ratios between runs matter.
///
/// For a network: epochs × training examples × the multiply-adds of one example's forward pass,
/// which each layer's kind counts for itself (``LayerKind/multiplyAdds(_:)``: a fully connected
/// layer's parameters, a convolution's parameters times its output positions, …). The backward
/// pass costs about twice the forward one for every layer alike, so it changes no ratio. A dataset whose size is only known from its files counts
/// ``unknownTrainingExamples`` examples. For a 2D test function: its steps.
public enum RunCost {
    /// The training examples assumed when the settings do not tell how many there are.
    public static let unknownTrainingExamples = 1000

    /// The expected cost of training a run with `config`.
    public static func expected(_ config: RunConfig) -> Double {
        if config.data.dataset.isTestFunction { return Double(config.train.epochs) }
        let examples = config.data.trainingCount ?? unknownTrainingExamples
        return Double(config.train.epochs) * Double(max(examples, 1)) * perExample(config)
    }

    /// Multiply-adds of one example's forward pass (1 when the model does not fit its input,
    /// which validation has already refused).
    static func perExample(_ config: RunConfig) -> Double {
        guard let shape = config.data.dataset.inputShape,
              let shapes = try? ModelShape.infer(inputShape: shape, layers: config.model) else {
            return 1
        }
        let total = zip(config.model, shapes).reduce(0.0) { $0 + $1.0.settings.multiplyAdds($1.1) }
        return max(total, 1)
    }
}
