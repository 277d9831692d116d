import ExptConfig
import ExptOptim

/// The updates a chain makes, step by step, in `Scalar` (double precision unless told): the chain `transformations`
/// followed by `scale_by_learning_rate` at rate 1 (so the step is θ ← θ − u), from `parameters`
/// reset before every step; each step's update is returned as θ − θ′ (exactly u where θ is 0).
/// `rates` overrides the rate of each step (for transformations that read it).
func chainUpdates<Scalar: BinaryFloatingPoint>(_ transformations: [any Transformation], gradients: [[Double]], parameters: [Double]? = nil,
                                               layout: ParameterLayout? = nil, rates: [Double]? = nil, as: Scalar.Type = Double.self) -> [[Double]] {
    let count = gradients[0].count
    let start = (parameters ?? Array(repeating: 0, count: count)).map { Scalar($0) }
    let optimizer = ChainSettings(transformations + [ScaleByLearningRate()], lr: 1)
        .makeOptimizer(of: Scalar.self, layout: layout ?? .vector(count))
    return gradients.enumerated().map { step, gradient in
        var theta = start
        gradient.map { Scalar($0) }.withUnsafeBufferPointer { g in
            theta.withUnsafeMutableBufferPointer { optimizer.step(parameters: $0, gradients: g, learningRate: rates?[step] ?? 1) }
        }
        return zip(start, theta).map { Double($0 - $1) }
    }
}
