import ExptData
import ExptEngine
import ExptManifest
import ExptStore

/// The loss along the straight line θ(α) = (1 − α) θ₀ + α θ₁ between two sets of weights, as
/// `analysis.interpolate` asks (Goodfellow et al. 2015): at each α of the settings, the weights
/// computed in double precision and rounded to Float, then the mean loss over the training set
/// and over the validation set in evaluation mode (dropout passes its input, batchnorm uses the
/// running statistics it holds: those of θ₁ at every α).
struct LossInterpolation {
    let settings: InterpolationSettings

    /// The line from `initial` to the network's parameters, which it leaves as they were.
    func landscape(of network: Network, from initial: [Float], train: DatasetView, validation: DatasetView,
                   batch: BatchBuffers) -> [LandscapePoint] {
        let final = network.parameters.array
        defer { _ = network.parameters.mutableBuffer.update(fromContentsOf: final) }
        return settings.alphas.map { alpha in
            network.set(zip(initial, final).map { (1 - alpha) * Double($0) + alpha * Double($1) })
            let trainLoss = network.evaluate(train, through: batch).loss
            let validationLoss = validation.count > 0 ? network.evaluate(validation, through: batch).loss : nil
            return LandscapePoint(alpha: alpha, trainLoss: trainLoss, validationLoss: validationLoss)
        }
    }

    /// The line from `start` to `end` over a 2D test function: f at each point, as the training loss.
    func landscape(of function: FunctionSettings, from start: [Double], to end: [Double]) -> [LandscapePoint] {
        settings.alphas.map { alpha in
            let point = zip(start, end).map { (1 - alpha) * $0 + alpha * $1 }
            return LandscapePoint(alpha: alpha, trainLoss: point.withUnsafeBufferPointer { function.value(at: $0) })
        }
    }
}
