import ExptConfig

/// The slice of a network's parameter buffer that one layer owns.
public struct ParameterRange: Sendable, Equatable {
    /// The layer's name: its kind's manifest name, then its 0-based position in the model.
    public let name: String
    /// Its weights then its bias, as indices into `Network.parameters`.
    public let range: Range<Int>
}

/// A stack of layers with a loss, trained by explicit reverse-mode differentiation.
///
/// Every buffer (parameters, gradients, each layer's outputs, output gradients and scratch) is
/// allocated once in `init`, for batches of up to `maxBatchSize` examples; `trainStep` and
/// `evaluate` allocate nothing. Inputs, outputs and targets are row-major, one example after
/// another, each example's values in the row-major order of its shape.
///
/// `trainStep` runs the layers in training mode (dropout drops, batchnorm normalises by the batch
/// and updates its running statistics); `evaluate`, `loss` and `outputs` in evaluation mode.
public final class Network {
    /// Values per example: the product of `inputShape`.
    public let inputSize: Int
    /// The shape of one example, e.g. `[1, 28, 28]`.
    public let inputShape: [Int]
    /// Values per example in the output: the product of `outputShape`.
    public let outputSize: Int
    public let outputShape: [Int]
    /// Each layer's input and output shapes and parameter count.
    public let layerShapes: [LayerShape]
    public let lossKind: LossKind
    public let maxBatchSize: Int
    /// All parameters, contiguous, layer by layer, each layer's in the layout its layer class
    /// documents (weights then biases, in torch's order).
    public let parameters: FloatBuffer
    /// The gradients of the last `trainStep`, in the layout of `parameters`.
    public let gradients: FloatBuffer
    /// Which slice of `parameters` each layer with parameters owns.
    public let parameterRanges: [ParameterRange]
    /// Every parameter tensor, named and shaped as in the equivalent torch model's `state_dict`.
    public let parameterLayout: ParameterLayout
    let layers: [any Layer]
    /// Each of `layers`' index in the manifest's `model` list (layers that only reshape have none).
    let layerPositions: [Int]

    /// A network over vectors of `inputSize` values.
    public convenience init(inputSize: Int, layers specs: [LayerSpec], loss: LossKind, maxBatchSize: Int, generator: inout SeededGenerator,
                            context: ComputeContext = ComputeContext()) {
        self.init(inputShape: [inputSize], layers: specs, loss: loss, maxBatchSize: maxBatchSize, generator: &generator,
                  context: context)
    }

    /// Builds the layers in order, drawing each layer's weights from `generator` (weights first,
    /// layer by layer, in storage order; biases zero), and allocates every buffer for batches
    /// of up to `maxBatchSize` examples. Dropout layers then take their mask streams from one
    /// further draw of `generator`. The layers must fit `inputShape`: check with
    /// ``ModelShape/infer(inputShape:layers:)`` first. Every layer computes with `context` (one
    /// thread and the widest instruction set unless the caller, the runner, says otherwise); the
    /// context serves this network alone while it trains or evaluates.
    public init(inputShape: [Int], layers specs: [LayerSpec], loss: LossKind, maxBatchSize: Int, generator: inout SeededGenerator,
                context: ComputeContext = ComputeContext()) {
        precondition(!inputShape.isEmpty && inputShape.allSatisfy { $0 > 0 }, "a network needs at least one input")
        precondition(!specs.isEmpty, "a network needs at least one layer")
        precondition(maxBatchSize > 0, "the batch size must be positive")
        let shapes: [LayerShape]
        do {
            shapes = try ModelShape.infer(inputShape: inputShape, layers: specs)
        } catch {
            preconditionFailure("the model does not fit its input: \(error)")
        }
        var ranges: [ParameterRange] = []
        var tensors: [ParameterTensor] = []
        var offsets: [Int] = []
        var total = 0
        for (index, (spec, shape)) in zip(specs, shapes).enumerated() {
            offsets.append(total)
            guard shape.parameterCount > 0 else { continue }
            ranges.append(ParameterRange(name: "\(spec.kind)\(index)", range: total..<total + shape.parameterCount))
            var start = total
            for tensor in spec.settings.parameterTensors(shape) {
                let count = tensor.shape.reduce(1, *)
                tensors.append(ParameterTensor(name: "\(index).\(tensor.name)", range: start..<start + count, shape: tensor.shape,
                                               storedTransposed: tensor.storedTransposed))
                start += count
            }
            precondition(start == total + shape.parameterCount, "a layer's tensors must hold its parameters")
            total += shape.parameterCount
        }
        let parameters = FloatBuffer(count: total)
        let gradients = FloatBuffer(count: total)
        var layers: [any Layer] = []
        var layerPositions: [Int] = []
        for index in specs.indices {
            guard let layer = Self.makeLayer(specs[index], shape: shapes[index], parameters: parameters, gradients: gradients,
                                             offset: offsets[index], maxBatchSize: maxBatchSize, context: context) else { continue }
            layer.initialize(generator: &generator)
            layers.append(layer)
            layerPositions.append(index)
        }
        let dropouts = layers.compactMap { $0 as? DropoutLayer }
        if !dropouts.isEmpty {
            let seed = generator.next()
            for (index, dropout) in dropouts.enumerated() {
                dropout.generator = SeededGenerator(seed: seed, stream: UInt64(index))
            }
        }
        self.inputShape = inputShape
        self.inputSize = inputShape.reduce(1, *)
        self.outputShape = shapes[shapes.count - 1].output
        self.outputSize = outputShape.reduce(1, *)
        self.layerShapes = shapes
        self.lossKind = loss
        self.maxBatchSize = maxBatchSize
        self.parameters = parameters
        self.gradients = gradients
        self.parameterRanges = ranges
        self.parameterLayout = ParameterLayout(tensors: tensors)
        self.layers = layers
        self.layerPositions = layerPositions
    }

    /// Forward and backward over the first `batchSize` rows of `inputs` (batchSize x inputSize);
    /// overwrites `gradients` with the gradient of the batch's mean loss and returns that mean loss.
    /// Targets: for cross-entropy, batchSize class indices stored as Float; for mse, batchSize x outputSize values.
    public func trainStep(inputs: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>, batchSize: Int) -> Float {
        let input = checkedInput(inputs, targets: targets, batchSize: batchSize)
        let outputs = forward(input, batchSize: batchSize, training: true)
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
        let outputs = forward(input, batchSize: batchSize, training: false)
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
        return UnsafeBufferPointer(start: forward(inputs.baseAddress!, batchSize: batchSize, training: false), count: batchSize * outputSize)
    }

    func forward(_ input: UnsafePointer<Float>, batchSize: Int, training: Bool) -> UnsafePointer<Float> {
        var current = input
        for layer in layers {
            layer.forward(input: current, batchSize: batchSize, training: training)
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
