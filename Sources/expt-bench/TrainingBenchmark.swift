import ExptEngine
import ExptOptim

/// One reference model trained on synthetic data of fixed shape: the training step
/// (forward, backward and optimizer update) timed in a loop.
struct TrainingBenchmark {
    let name: String
    let inputSize: Int
    let layers: [LayerSpec]
    let batchSize: Int
    let optimizer: OptimizerConfig

    /// Floating-point operations of one training step's matrix products: forward x·W,
    /// backward xᵀ·dz for every layer and dz·Wᵀ for every layer but the first.
    var flopsPerStep: Double {
        var width = inputSize
        var total = 0.0
        for (index, layer) in layers.enumerated() {
            guard case .dense(let dense) = layer else { continue }
            let product = 2 * Double(batchSize) * Double(width) * Double(dense.units)
            total += index == 0 ? 2 * product : 3 * product
            width = dense.units
        }
        return total
    }

    func measure(trials: Int, trialSeconds: Double) -> Measurement {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputSize: inputSize, layers: layers, loss: .crossEntropy,
                              maxBatchSize: batchSize, generator: &generator)
        let optimizer = optimizer.makeOptimizer(parameterCount: network.parameters.count)
        let learningRate = Float(self.optimizer.learningRate)
        // A few distinct batches, cycled, so the step does not see the same data every time.
        let batches = 4
        let inputs = FloatBuffer(count: batches * batchSize * inputSize)
        let targets = FloatBuffer(count: batches * batchSize)
        for i in 0..<inputs.count { inputs[i] = Float(generator.nextDouble(in: -1, 1)) }
        for i in 0..<targets.count { targets[i] = Float(generator.nextInt(below: network.outputSize)) }
        var next = 0
        return Measurement(unitsPerCall: Double(batchSize), trials: trials, trialSeconds: trialSeconds) {
            let input = UnsafeBufferPointer(start: inputs.pointer + next * batchSize * inputSize, count: batchSize * inputSize)
            let target = UnsafeBufferPointer(start: targets.pointer + next * batchSize, count: batchSize)
            _ = network.trainStep(inputs: input, targets: target, batchSize: batchSize)
            optimizer.step(parameters: network.parameters.mutableBuffer, gradients: network.gradients.buffer,
                           learningRate: learningRate)
            next = (next + 1) % batches
        }
    }
}

extension TrainingBenchmark {
    /// The reference models of the benchmark suite.
    static let all: [TrainingBenchmark] = [
        mlp(name: "mlp-784-256-256-10/sgd", optimizer: .sgd(SGDHyperparameters(lr: 0.01))),
        mlp(name: "mlp-784-256-256-10/adam", optimizer: .adam(AdamHyperparameters(lr: 0.001))),
        TrainingBenchmark(
            name: "mlp-40-100-100-10/sgd", inputSize: 40,
            layers: [.dense(DenseSpec(units: 100, activation: .relu)), .dense(DenseSpec(units: 100, activation: .relu)),
                     .dense(DenseSpec(units: 10))],
            batchSize: 100, optimizer: .sgd(SGDHyperparameters(lr: 0.01))),
    ]

    private static func mlp(name: String, optimizer: OptimizerConfig) -> TrainingBenchmark {
        TrainingBenchmark(
            name: name, inputSize: 784,
            layers: [.dense(DenseSpec(units: 256, activation: .relu)), .dense(DenseSpec(units: 256, activation: .relu)),
                     .dense(DenseSpec(units: 10))],
            batchSize: 128, optimizer: optimizer)
    }
}
