import ExptEngine
import ExptOptim
import ExptStore

/// Measures each layer's gradient norm, parameter norm and update ratio step by step, and
/// gives their epoch values (``LayerEpochStatistics``, where the formulas are).
///
/// A step's part: ``addGradients(_:)`` on the gradient before clipping (each layer's norm is
/// ``GradientClipping/norm(_:)`` of its slice, the sum the global norm makes over the whole),
/// ``rememberParameters(_:)`` before the optimizer's step and ``addUpdate(_:)`` after it. The
/// copy of the parameters and every sum are allocated once, so a step allocates nothing.
final class LayerStatisticsRecorder {
    /// Each layer with parameters: its position in the model, its kind and its slice.
    private let layers: [(index: Int, kind: String, range: Range<Int>)]
    /// The parameters before the current step.
    private let previous: FloatBuffer
    private var gradientNormSums: [Double]
    private var ratioSums: [Double]
    private var ratioCounts: [Int]
    private var steps = 0

    /// `network` built from `model`: the layers with parameters are those of its `parameterRanges`, in order.
    init(network: Network, model: [LayerSpec]) {
        let indices = network.layerShapes.indices.filter { network.layerShapes[$0].parameterCount > 0 }
        precondition(indices.count == network.parameterRanges.count, "every layer with parameters has a range")
        layers = zip(indices, network.parameterRanges).map { ($0, model[$0].kind, $1.range) }
        previous = FloatBuffer(count: network.parameters.count)
        gradientNormSums = Array(repeating: 0, count: layers.count)
        ratioSums = gradientNormSums
        ratioCounts = Array(repeating: 0, count: layers.count)
    }

    /// Adds each layer's norm of `gradients`, to be called before clipping.
    func addGradients(_ gradients: FloatBuffer) {
        for (position, layer) in layers.enumerated() {
            gradientNormSums[position] += GradientClipping.norm(UnsafeBufferPointer(rebasing: gradients.buffer[layer.range]))
        }
        steps += 1
    }

    /// Copies `parameters` before the optimizer's step.
    func rememberParameters(_ parameters: FloatBuffer) {
        previous.pointer.update(from: parameters.pointer, count: parameters.count)
    }

    /// Adds each layer's ‖w_t+1 − w_t‖ / ‖w_t‖, with w_t the parameters remembered before the step.
    func addUpdate(_ parameters: FloatBuffer) {
        for (position, layer) in layers.enumerated() {
            var change = 0.0, size = 0.0
            for i in layer.range {
                let before = Double(previous.pointer[i])
                let difference = Double(parameters.pointer[i]) - before
                change += difference * difference
                size += before * before
            }
            guard size > 0 else { continue }
            ratioSums[position] += change.squareRoot() / size.squareRoot()
            ratioCounts[position] += 1
        }
    }

    /// The epoch's statistics of every layer, with `parameters` as they are after its last
    /// step; starts the sums of the next epoch.
    func endEpoch(_ epoch: Int, parameters: FloatBuffer) -> [LayerEpochStatistics] {
        let statistics = layers.enumerated().map { position, layer in
            LayerEpochStatistics(
                epoch: epoch, layer: layer.index, kind: layer.kind,
                gradientNorm: gradientNormSums[position] / Double(max(steps, 1)),
                parameterNorm: GradientClipping.norm(UnsafeBufferPointer(rebasing: parameters.buffer[layer.range])),
                updateRatio: ratioCounts[position] == 0 ? nil : ratioSums[position] / Double(ratioCounts[position]))
        }
        for position in layers.indices {
            gradientNormSums[position] = 0
            ratioSums[position] = 0
            ratioCounts[position] = 0
        }
        steps = 0
        return statistics
    }
}
