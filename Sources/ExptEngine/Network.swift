/// The slice of a network's parameter buffer that one layer owns.
public struct ParameterRange: Sendable, Equatable {
    /// The layer's name: its kind and 0-based position, e.g. "dense0".
    public let name: String
    /// Its weights then its bias, as indices into `Network.parameters`.
    public let range: Range<Int>
}

/// A stack of layers with a loss, trained by explicit reverse-mode differentiation.
///
/// Every buffer (parameters, gradients, each layer's outputs and output gradients) is allocated
/// once in `init`, for batches of up to `maxBatchSize` rows; `trainStep` and `evaluate`
/// allocate nothing. Inputs, outputs and targets are row-major, one row per example.
public final class Network {
    public let inputSize: Int
    public let outputSize: Int
    public let lossKind: LossKind
    public let maxBatchSize: Int
    /// All parameters, contiguous: each layer's weights (inputSize x units, row-major) then its bias, layer by layer.
    public let parameters: FloatBuffer
    /// The gradients of the last `trainStep`, in the layout of `parameters`.
    public let gradients: FloatBuffer
    /// Which slice of `parameters` each layer owns.
    public let parameterRanges: [ParameterRange]
    private let layers: [any Layer]

    /// Builds the layers in order, drawing each layer's weights from `generator` (weights first,
    /// layer by layer, in storage order; biases zero), and allocates every buffer for batches
    /// of up to `maxBatchSize` rows.
    public init(inputSize: Int, layers specs: [LayerSpec], loss: LossKind, maxBatchSize: Int, generator: inout SeededGenerator) {
        precondition(inputSize > 0, "a network needs at least one input")
        precondition(!specs.isEmpty, "a network needs at least one layer")
        precondition(maxBatchSize > 0, "the batch size must be positive")
        var ranges: [ParameterRange] = []
        var width = inputSize
        var total = 0
        for (index, spec) in specs.enumerated() {
            switch spec {
            case .dense(let dense):
                let count = DenseLayer.parameterCount(inputSize: width, units: dense.units)
                ranges.append(ParameterRange(name: "dense\(index)", range: total..<total + count))
                total += count
                width = dense.units
            }
        }
        let parameters = FloatBuffer(count: total)
        let gradients = FloatBuffer(count: total)
        var layers: [any Layer] = []
        width = inputSize
        for (spec, range) in zip(specs, ranges) {
            switch spec {
            case .dense(let dense):
                let layer = DenseLayer(inputSize: width, units: dense.units, activation: dense.activation,
                                       parameters: parameters, gradients: gradients, offset: range.range.lowerBound,
                                       maxBatchSize: maxBatchSize)
                layer.initialize(dense.initializer, generator: &generator)
                layers.append(layer)
                width = dense.units
            }
        }
        self.inputSize = inputSize
        self.outputSize = width
        self.lossKind = loss
        self.maxBatchSize = maxBatchSize
        self.parameters = parameters
        self.gradients = gradients
        self.parameterRanges = ranges
        self.layers = layers
    }

    /// Forward and backward over the first `batchSize` rows of `inputs` (batchSize x inputSize);
    /// overwrites `gradients` with the gradient of the batch's mean loss and returns that mean loss.
    /// Targets: for cross-entropy, batchSize class indices stored as Float; for mse, batchSize x outputSize values.
    public func trainStep(inputs: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>, batchSize: Int) -> Float {
        let input = checkedInput(inputs, targets: targets, batchSize: batchSize)
        let outputs = forward(input, batchSize: batchSize)
        let last = layers[layers.count - 1]
        let meanLoss = lossKind.meanLossAndGradient(outputs: outputs, targets: targets.baseAddress!, rows: batchSize,
                                                columns: outputSize, gradient: last.outputGradient.pointer)
        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[index]
            if index == 0 {
                layer.backward(input: input, inputGradient: nil, batchSize: batchSize)
            } else {
                let previous = layers[index - 1]
                layer.backward(input: previous.output.pointer, inputGradient: previous.outputGradient.pointer, batchSize: batchSize)
            }
        }
        return Float(meanLoss)
    }

    /// Forward only (no gradient). Returns the sum of per-example losses and, when `labels`
    /// is given (batchSize class indices as Float), how many rows' first maximal output is at the label.
    public func evaluate(inputs: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>, batchSize: Int, labels: UnsafeBufferPointer<Float>?) -> (lossSum: Double, correct: Int) {
        let input = checkedInput(inputs, targets: targets, batchSize: batchSize)
        let outputs = forward(input, batchSize: batchSize)
        let lossSum = lossKind.lossSum(outputs: outputs, targets: targets.baseAddress!, rows: batchSize, columns: outputSize)
        guard let labels else { return (lossSum, 0) }
        precondition(labels.count >= batchSize, "fewer labels than rows")
        var correct = 0
        for row in 0..<batchSize {
            let z = outputs + row * outputSize
            var best = 0
            for j in 1..<outputSize where z[j] > z[best] { best = j }
            if Float(best) == labels[row] { correct += 1 }
        }
        return (lossSum, correct)
    }

    /// The mean loss over the first `batchSize` rows, forward only (for gradient checks and probes).
    public func loss(inputs: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>, batchSize: Int) -> Double {
        evaluate(inputs: inputs, targets: targets, batchSize: batchSize, labels: nil).lossSum / Double(batchSize)
    }

    /// The network's outputs for the first `batchSize` rows of `inputs` (batchSize x outputSize),
    /// as a view of an internal buffer that the next call to this network overwrites.
    public func outputs(inputs: UnsafeBufferPointer<Float>, batchSize: Int) -> UnsafeBufferPointer<Float> {
        precondition(batchSize > 0 && batchSize <= maxBatchSize, "batch size \(batchSize) is not in 1...\(maxBatchSize)")
        precondition(inputs.count >= batchSize * inputSize, "fewer inputs than batchSize x inputSize")
        return UnsafeBufferPointer(start: forward(inputs.baseAddress!, batchSize: batchSize), count: batchSize * outputSize)
    }

    private func forward(_ input: UnsafePointer<Float>, batchSize: Int) -> UnsafePointer<Float> {
        var current = input
        for layer in layers {
            layer.forward(input: current, batchSize: batchSize)
            current = UnsafePointer(layer.output.pointer)
        }
        return current
    }

    private func checkedInput(_ inputs: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>, batchSize: Int) -> UnsafePointer<Float> {
        precondition(batchSize > 0 && batchSize <= maxBatchSize, "batch size \(batchSize) is not in 1...\(maxBatchSize)")
        precondition(inputs.count >= batchSize * inputSize, "fewer inputs than batchSize x inputSize")
        let targetCount = lossKind == .crossEntropy ? batchSize : batchSize * outputSize
        precondition(targets.count >= targetCount, "fewer targets than the loss needs")
        return inputs.baseAddress!
    }
}
