import ExptEngine
import ExptOptim

/// One reference model trained on synthetic data of fixed shape: the training step
/// (forward, backward and optimizer update) timed in a loop.
struct TrainingBenchmark {
    let name: String
    /// The shape of one example: `[features]`, `[channels, height, width]` or `[steps, features]`.
    let inputShape: [Int]
    let layers: [LayerSpec]
    let batchSize: Int
    let optimizer: OptimizerConfig

    var inputSize: Int { inputShape.reduce(1, *) }

    /// Floating-point operations of one training step's matrix products (see ``FlopCount``).
    var flopsPerStep: Double {
        (try? FlopCount.trainingStep(inputShape: inputShape, layers: layers, batchSize: batchSize)) ?? .nan
    }

    func measure(trials: Int, trialSeconds: Double, clock: BenchmarkClock, context: ComputeContext) -> Measurement {
        let session = Session(self, context: context)
        return Measurement(unitsPerCall: Double(batchSize), trials: trials, trialSeconds: trialSeconds, clock: clock) {
            session.trainStep()
        }
    }

    /// Exactly `steps` training steps, each followed by an evaluation of the same batch, untimed:
    /// for profilers and for counting allocations (`benchmarks/allocations.sh` checks that twice
    /// the steps make no more allocations).
    func run(steps: Int, context: ComputeContext) {
        let session = Session(self, context: context)
        for _ in 0..<steps {
            session.trainStep()
            session.evaluate()
        }
    }

    /// The network, optimizer and a few distinct batches (cycled, so a step does not see the same data every time).
    private final class Session {
        let network: Network
        let optimizer: any Optimizer
        let learningRate: Double
        let inputs: FloatBuffer
        let targets: FloatBuffer
        let batchSize: Int
        let batches = 4
        var next = 0

        init(_ benchmark: TrainingBenchmark, context: ComputeContext) {
            var generator = SeededGenerator(seed: 1)
            network = Network(inputShape: benchmark.inputShape, layers: benchmark.layers, loss: .crossEntropy,
                              maxBatchSize: benchmark.batchSize, generator: &generator, context: context)
            optimizer = benchmark.optimizer.makeOptimizer(parameterCount: network.parameters.count)
            learningRate = benchmark.optimizer.learningRate
            batchSize = benchmark.batchSize
            inputs = FloatBuffer(count: batches * batchSize * benchmark.inputSize)
            targets = FloatBuffer(count: batches * batchSize)
            for i in 0..<inputs.count { inputs[i] = Float(generator.nextDouble(in: -1, 1)) }
            for i in 0..<targets.count { targets[i] = Float(generator.nextInt(below: network.outputSize)) }
        }

        private var batch: (inputs: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>) {
            let size = batchSize * network.inputSize
            return (UnsafeBufferPointer(start: inputs.pointer + next * size, count: size),
                    UnsafeBufferPointer(start: targets.pointer + next * batchSize, count: batchSize))
        }

        func trainStep() {
            let (input, target) = batch
            _ = network.trainStep(inputs: input, targets: target, batchSize: batchSize)
            optimizer.step(parameters: network.parameters.mutableBuffer, gradients: network.gradients.buffer,
                           learningRate: learningRate)
            next = (next + 1) % batches
        }

        func evaluate() {
            let (input, target) = batch
            _ = network.evaluate(inputs: input, targets: target, batchSize: batchSize, labels: target)
        }
    }
}

extension TrainingBenchmark {
    /// The reference models of the benchmark suite (issue 7), mirrored in `benchmarks/pytorch_reference.py`.
    static let all: [TrainingBenchmark] = [
        mlp(name: "mlp-784-256-256-10/sgd", optimizer: .sgd(SGDHyperparameters(lr: 0.01))),
        mlp(name: "mlp-784-256-256-10/adam", optimizer: .adam(AdamHyperparameters(lr: 0.001))),
        TrainingBenchmark(
            name: "mlp-40-100-100-10/sgd", inputShape: [40],
            layers: [.dense(DenseSpec(units: 100, activation: .relu)), .dense(DenseSpec(units: 100, activation: .relu)),
                     .dense(DenseSpec(units: 10))],
            batchSize: 100, optimizer: .sgd(SGDHyperparameters(lr: 0.01))),
        TrainingBenchmark(
            name: "cnn-28x28/sgd", inputShape: [1, 28, 28],
            layers: [.conv2d(Conv2DSpec(filters: 16, kernel: 5, padding: 2, activation: .relu)),
                     .maxPool2d(PoolSpec(kernel: 2)),
                     .conv2d(Conv2DSpec(filters: 32, kernel: 5, padding: 2, activation: .relu)),
                     .maxPool2d(PoolSpec(kernel: 2)),
                     .flatten,
                     .dense(DenseSpec(units: 10))],
            batchSize: 128, optimizer: .sgd(SGDHyperparameters(lr: 0.01))),
        TrainingBenchmark(
            name: "gru-40x1-64/sgd", inputShape: [40, 1],
            layers: [.recurrent(RecurrentSpec(cell: .gru, units: 64)), .dense(DenseSpec(units: 10))],
            batchSize: 128, optimizer: .sgd(SGDHyperparameters(lr: 0.01))),
    ]

    private static func mlp(name: String, optimizer: OptimizerConfig) -> TrainingBenchmark {
        TrainingBenchmark(
            name: name, inputShape: [784],
            layers: [.dense(DenseSpec(units: 256, activation: .relu)), .dense(DenseSpec(units: 256, activation: .relu)),
                     .dense(DenseSpec(units: 10))],
            batchSize: 128, optimizer: optimizer)
    }
}
