import ExptData
import ExptEngine
import ExptManifest
import ExptOptim

/// Trains one run: builds its data, model and optimizer from the spec, trains for the given
/// epochs and records the metrics of every epoch.
///
/// Randomness has three independent sources, each a stream of ``SeededGenerator``:
/// the dataset and its split come from `data.seed` (the same for every run of a variant
/// unless overridden), the initial weights and the per-epoch shuffling from the run's seed.
/// The same spec therefore always gives bit-identical metrics on the same machine.
public struct Executor: Sendable {
    /// Generator streams derived from a run's seed.
    enum Stream: UInt64 {
        case initialization = 1
        case shuffling = 2
    }

    public init() {}

    /// Trains `spec` and returns its record. Never throws: a run that cannot go on ends
    /// with status `diverged` or `failed` and the epochs it completed. `shouldStop` is asked
    /// before every batch; when it answers true, the run ends as `interrupted`.
    public func run(_ spec: RunSpec, shouldStop: () -> Bool = { false }) -> RunRecord {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double { seconds(clock.now - start) }

        let config = spec.config
        BLAS.setThreads(config.train.threads)
        let data = TrainingData(config: config)
        let batchSize = data.batchSize(config.train.batchSize)
        var initialization = SeededGenerator(seed: spec.seed, stream: Stream.initialization.rawValue)
        let network = Network(
            inputSize: data.train.featureCount, layers: config.model, loss: config.loss,
            maxBatchSize: batchSize, generator: &initialization)
        guard network.outputSize == data.modelOutputs else {
            let reason = "the model has \(network.outputSize) outputs but the data needs \(data.modelOutputs)"
            return RunRecord(spec: spec, status: .failed(reason: reason), epochs: [], seconds: elapsed())
        }
        let optimizer = config.optimizer.makeOptimizer(parameterCount: network.parameters.count)
        // Recorded as the manifest gives it; the optimizer receives it in single precision.
        let learningRate = config.optimizer.learningRate
        let batch = BatchBuffers(rows: batchSize, dataset: data.train)
        var shuffling = SeededGenerator(seed: spec.seed, stream: Stream.shuffling.rawValue)
        var order = Array(0..<data.train.count)

        var epochs: [EpochMetrics] = []
        var step = 0
        for epoch in stride(from: 1, through: config.train.epochs, by: 1) {
            shuffling.shuffle(&order)
            var lossSum = 0.0
            var start = 0
            while start < order.count {
                if shouldStop() {
                    return RunRecord(spec: spec, status: .interrupted(step: step), epochs: epochs, seconds: elapsed())
                }
                let rows = order[start..<min(start + batchSize, order.count)]
                data.train.gather(rows: rows, features: batch.features.pointer, targets: batch.targets.pointer)
                let loss = network.trainStep(
                    inputs: batch.features.buffer, targets: batch.targets.buffer, batchSize: rows.count)
                step += 1
                guard loss.isFinite else {
                    return RunRecord(spec: spec, status: .diverged(step: step), epochs: epochs, seconds: elapsed())
                }
                optimizer.step(
                    parameters: network.parameters.mutableBuffer, gradients: network.gradients.buffer,
                    learningRate: Float(learningRate))
                lossSum += Double(loss) * Double(rows.count)
                start += batchSize
            }
            let validation = network.evaluate(data.validation, labels: data.validationLabels, rowsPerPass: batchSize)
            guard validation.loss.isFinite else {
                return RunRecord(spec: spec, status: .diverged(step: step), epochs: epochs, seconds: elapsed())
            }
            epochs.append(EpochMetrics(
                epoch: epoch, step: step,
                trainLoss: lossSum / Double(order.count),
                validationLoss: validation.loss,
                validationAccuracy: validation.accuracy,
                learningRate: learningRate,
                elapsedSeconds: elapsed()))
        }
        return RunRecord(spec: spec, status: .complete, epochs: epochs, seconds: elapsed())
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
