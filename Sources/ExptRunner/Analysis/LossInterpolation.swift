import ExptConfig
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

    /// The line from the arrays `start` (α = 0) to `end` (α = 1), given by the same names in the same
    /// order: every array, parameters and buffers (batchnorm's running statistics) alike, is
    /// interpolated and loaded into `network` at each α. The network keeps the last point's weights.
    func landscape(of network: Network, between start: [NamedArray], and end: [NamedArray], train: DatasetView,
                   validation: DatasetView, batch: BatchBuffers) throws(WeightsMismatch) -> [LandscapePoint] {
        var points: [LandscapePoint] = []
        for alpha in settings.alphas {
            try network.load(zip(start, end).map { a, b in
                NamedArray(name: a.name, shape: a.shape,
                           values: zip(a.values, b.values).map { Float((1 - alpha) * Double($0) + alpha * Double($1)) })
            })
            let trainLoss = network.evaluate(train, through: batch).loss
            let validationLoss = validation.count > 0 ? network.evaluate(validation, through: batch).loss : nil
            points.append(LandscapePoint(alpha: alpha, trainLoss: trainLoss, validationLoss: validationLoss))
        }
        return points
    }

    /// The line from `start` to `end` over a 2D test function: f at each point, as the training loss.
    func landscape(of function: FunctionSettings, from start: [Double], to end: [Double]) -> [LandscapePoint] {
        settings.alphas.map { alpha in
            let point = zip(start, end).map { (1 - alpha) * $0 + alpha * $1 }
            return LandscapePoint(alpha: alpha, trainLoss: point.withUnsafeBufferPointer { function.value(at: $0) })
        }
    }
}
