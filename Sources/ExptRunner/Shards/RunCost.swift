import ExptData
import ExptEngine
import ExptManifest

/// The expected cost of a run, estimated from its settings alone so that shards can be balanced
/// before anything trains. Only ratios between runs matter.
///
/// For a network: epochs × training examples × the multiply-adds of one example's forward pass,
/// which is, per layer, its parameters (`dense`), its parameters times its output positions
/// (`conv2d`: output height × width), its parameters times the steps of its input sequence
/// (`rnn`, `gru`, `lstm`), or its output values (pools, `batchnorm`, `dropout`; `flatten` is
/// free). The backward pass costs about twice the forward one for every layer alike, so it
/// changes no ratio. A dataset whose size is only known from its files counts
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
        let total = zip(config.model, shapes).reduce(0.0) { $0 + multiplyAdds($1.0, $1.1) }
        return max(total, 1)
    }

    static func multiplyAdds(_ layer: LayerSpec, _ shape: LayerShape) -> Double {
        let parameters = Double(shape.parameterCount)
        let outputs = Double(shape.output.reduce(1, *))
        switch layer {
        case .dense: return parameters
        case .conv2d: return parameters * Double(shape.output.dropFirst().reduce(1, *))
        case .recurrent: return parameters * Double(shape.input[0])
        case .flatten: return 0
        case .maxPool2d, .avgPool2d, .dropout, .batchNorm: return outputs
        }
    }
}
