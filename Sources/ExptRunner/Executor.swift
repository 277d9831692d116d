import ExptConfig
import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore

/// Trains one run: builds its data, model and optimizer from the spec, trains for the given
/// epochs and records the metrics of every epoch. A run on a 2D test function goes to
/// ``FunctionExecutor``.
///
/// Each step: forward and backward, the gradient's global norm (recorded) and clipping, then
/// every parameter group's optimizer with the scheduled learning rate. With `analysis`, the
/// sharpness after the epochs it names (``SharpnessProbe``) and, at the end, the loss from the
/// initial to the final weights (``LossInterpolation``); neither changes the training.
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

    /// Trains `spec` and returns its record. Never throws: a run that cannot go on (its data
    /// files cannot be read, say) ends with status `diverged` or `failed` and the epochs it
    /// completed. Its data comes from `data`, which loads each data configuration once.
    /// `shouldStop` is asked before every batch; when it answers true, the run ends as `interrupted`.
    /// `epochEnded` is told each epoch's metrics as soon as they are recorded (for progress displays).
    /// With `checkpoints` and `train.checkpoint`, the run resumes from the checkpoint found there
    /// and saves one every `train.checkpoint.every` epochs (see ``Checkpoint``).
    public func run(
        _ spec: RunSpec, data cache: DataCache = DataCache(), checkpoints: CheckpointStore? = nil, shouldStop: () -> Bool = { false },
        epochEnded: (EpochMetrics) -> Void = { _ in }
    ) -> RunRecord {
        if let function = spec.config.data.dataset.kind as? FunctionSettings {
            return FunctionExecutor().run(spec, function: function)
        }
        return train(spec, data: cache, checkpoints: checkpoints, shouldStop: shouldStop, epochEnded: epochEnded)
    }

    /// Trains a run on data (not a 2D function), its steps shared out over the run's threads: a
    /// compute context of its own, built here and given to its network, holds them.
    private func train(
        _ spec: RunSpec, data cache: DataCache, checkpoints: CheckpointStore?, shouldStop: () -> Bool, epochEnded: (EpochMetrics) -> Void
    ) -> RunRecord {
        let clock = ContinuousClock()
        let start = clock.now
        var earlierSeconds = 0.0
        func elapsed() -> Double { earlierSeconds + seconds(clock.now - start) }

        let config = spec.config
        let splits: DataSplits
        switch cache.splits(for: config.data) {
        case .success(let loaded): splits = loaded
        case .failure(let problem): return RunRecord(spec: spec, status: .failed(reason: problem.description), epochs: [], seconds: elapsed())
        }
        if let problem = TrainingData.problem(splits, loss: config.loss) ?? TokenCheck.problem(splits, model: config.model) {
            return RunRecord(spec: spec, status: .failed(reason: problem), epochs: [], seconds: elapsed())
        }
        let data = TrainingData(splits: splits, loss: config.loss)
        let batchSize = data.batchSize(config.train.batchSize)
        // Shapes are checked before any memory is allocated: the manifest checks them where the
        // dataset's shape is known from its settings, this covers data whose shape is known only now.
        let inputShape = data.train.featureShape
        do {
            let shapes = try ModelShape.infer(inputShape: inputShape, layers: config.model)
            let output = shapes[shapes.count - 1].output
            guard output == data.outputShape else {
                let reason = "the model's output has shape \(output) but the data needs \(data.outputShape)"
                return RunRecord(spec: spec, status: .failed(reason: reason), epochs: [], seconds: elapsed())
            }
            // The manifest checks the buffers where the batch is known from the settings; a full
            // batch of a file dataset is known only now.
            let bytes = ModelMemory.bytes(layers: config.model, shapes: shapes, batch: batchSize, threads: config.train.threads)
            if let needs = MemoryBudget.modelExcess(bytes: bytes, batch: batchSize) {
                return RunRecord(spec: spec, status: .failed(reason: "the model's buffers need \(needs)"), epochs: [], seconds: elapsed())
            }
        } catch {
            return RunRecord(spec: spec, status: .failed(reason: error.description), epochs: [], seconds: elapsed())
        }
        var initialization = SeededGenerator(seed: spec.seed, stream: Stream.initialization.rawValue)
        let network = Network(
            inputShape: inputShape, layers: config.model, loss: config.loss,
            maxBatchSize: batchSize, generator: &initialization,
            context: ComputeContext(threads: config.train.threads))
        if let initial = config.initialWeights, let problem = Self.load(initial, into: network) {
            return RunRecord(spec: spec, status: .failed(reason: problem), epochs: [], seconds: elapsed())
        }
        var savedWeights: [SavedWeights: [NamedArray]] = [:]
        if config.train.saveWeights.contains(.initial) { savedWeights[.initial] = network.namedArrays() }
        func makeOptimizer() -> GroupedOptimizer {
            GroupedOptimizer(optimizer: config.optimizer, groups: config.parameterGroups,
                             ranges: network.parameterRanges.map(\.range), layout: network.parameterLayout)
        }
        var optimizer = makeOptimizer()
        let stepsPerEpoch = (data.train.count + batchSize - 1) / batchSize
        // Rates are recorded in double precision; the optimizers receive them in single precision.
        var schedule: LearningRateController
        do {
            schedule = try LearningRateController(config.schedule, baseLearningRate: config.optimizer.learningRate,
                                                  stepsPerEpoch: stepsPerEpoch, epochs: config.train.epochs)
        } catch {
            return RunRecord(spec: spec, status: .failed(reason: "schedule: \(error)"), epochs: [], seconds: elapsed())
        }
        let batch = BatchBuffers(rows: batchSize, featureCount: data.train.featureCount, form: data.targetForm)
        let clipping = config.clipping ?? GradientClipping()
        // The training rows of the shared storage; a shuffle moves them as it would move their
        // positions 0..<count, so each epoch visits the examples in the same order as ever.
        let initialParameters = config.analysis?.interpolation == nil ? [] : network.parameters.array
        let sharpness = config.analysis?.sharpness.map {
            SharpnessProbe($0, seed: spec.seed, train: data.train, parameterCount: network.parameters.count, batch: batch)
        }
        let layerStatistics = config.train.layerStatistics ? LayerStatisticsRecorder(network: network, model: config.model) : nil
        var state = TrainingState(order: data.train.rows, shuffling: SeededGenerator(seed: spec.seed, stream: Stream.shuffling.rawValue),
                                  earlyStopping: config.train.earlyStop.map(EarlyStopping.init))
        let checkpointEvery = checkpoints == nil ? nil : config.train.checkpointEvery
        if checkpointEvery != nil, let (arrays, rest) = checkpoints?.load(Checkpoint.self) {
            do {
                state = try Checkpoint(arrays: arrays, rest: rest).resume(network: network, optimizer: optimizer, schedule: &schedule,
                                                                          trainingRows: data.train.rows)
                earlierSeconds = state.earlierSeconds
            } catch {
                // A checkpoint of other settings: the run starts again from its first epoch.
                optimizer = makeOptimizer()
            }
        }
        func record(_ status: RunStatus, test: TestMetrics? = nil) -> RunRecord {
            RunRecord(spec: spec, status: status, epochs: state.epochs, seconds: elapsed(), test: test, earlyStop: state.earlyStop,
                      layers: state.layers, flippedLabels: splits.flippedLabels)
        }
        // The batch of the current step, evaluated again for rules that look at more than one point.
        var batchRows = 0
        let reevaluate: Reevaluation = {
            let loss = network.trainStep(inputs: batch.features.buffer, targets: batch.targets.buffer, batchSize: batchRows)
            clipping.apply(to: network.gradients.mutableBuffer)
            return Double(loss)
        }
        for epoch in stride(from: state.epochs.count + 1, through: config.train.epochs, by: 1) {
            state.shuffling.shuffle(&state.order)
            var lossSum = 0.0
            var norms = GradientNormStatistics()
            var learningRate = schedule.baseLearningRate
            var start = 0
            while start < state.order.count {
                if shouldStop() {
                    return record(.interrupted(step: state.step))
                }
                let rows = state.order[start..<min(start + batchSize, state.order.count)]
                batch.fill(from: data.train.storage, rows: rows)
                batchRows = rows.count
                let loss = network.trainStep(
                    inputs: batch.features.buffer, targets: batch.targets.buffer, batchSize: rows.count)
                state.step += 1
                guard loss.isFinite else {
                    return record(.diverged(step: state.step))
                }
                layerStatistics?.addGradients(network.gradients)
                norms.add(clipping.apply(to: network.gradients.mutableBuffer))
                learningRate = schedule.learningRate(step: state.step - 1, epoch: epoch - 1)
                layerStatistics?.rememberParameters(network.parameters)
                optimizer.step(parameters: network.parameters, gradients: network.gradients,
                               learningRate: learningRate, runBaseLearningRate: schedule.baseLearningRate, reevaluate: reevaluate)
                layerStatistics?.addUpdate(network.parameters)
                lossSum += Double(loss) * Double(rows.count)
                start += batchSize
            }
            if let layerStatistics { state.layers += layerStatistics.endEpoch(epoch, parameters: network.parameters) }
            // `data.validation: 0` leaves no validation set, and nothing to measure on it.
            optimizer.moveParameters(network.parameters, toEvaluation: true)
            let validation = data.validation.count > 0 ? network.evaluate(data.validation, through: batch) : nil
            let training = config.train.evaluateTraining ? network.evaluate(data.train, through: batch) : nil
            if let validation, !validation.loss.isFinite {
                return record(.diverged(step: state.step))
            }
            var metrics = EpochMetrics(
                epoch: epoch, step: state.step,
                trainLoss: lossSum / Double(state.order.count),
                validationLoss: validation?.loss,
                validationAccuracy: validation?.accuracy,
                learningRate: learningRate,
                elapsedSeconds: elapsed(),
                gradientNormMean: norms.mean, gradientNormMax: norms.max,
                trainEvaluationLoss: training?.loss, trainAccuracy: training?.accuracy)
            // The run's last epoch is measured whether it is the last of `train.epochs` or the one
            // early stopping ends the run after (its metric does not include the sharpness).
            let isLast = epoch == config.train.epochs || state.earlyStopping?.endsAfter(metrics) == true
            if let sharpness, sharpness.settings.measures(epoch: epoch, isLast: isLast) { metrics.sharpness = sharpness.measure(network) }
            // `restore_best` keeps the network as the metrics saw it: at the evaluation point.
            if config.train.earlyStop?.restoreBest == true, state.earlyStopping?.improves(metrics) == true {
                state.best = network.captureState()
            }
            optimizer.moveParameters(network.parameters, toEvaluation: false)
            state.epochs.append(metrics)
            epochEnded(metrics)
            schedule.endEpoch(epoch, metrics: metrics)
            if state.earlyStopping?.observe(metrics) == true { break }
            if let checkpointEvery, let checkpoints, epoch % checkpointEvery == 0, epoch < config.train.epochs {
                state.earlierSeconds = elapsed()
                // A checkpoint that cannot be written changes no number of the run: it goes on without.
                let (arrays, rest) = Checkpoint(state: state, network: network, optimizer: optimizer, schedule: schedule).split()
                try? checkpoints.save(arrays: arrays, checkpoint: rest, epoch: epoch)
            }
        }
        // The trained model is the evaluation point: the test (and any stored weight) sees it,
        // or, with `restore_best`, the best epoch's.
        if let best = state.best {
            network.restore(best)
        } else {
            optimizer.moveParameters(network.parameters, toEvaluation: true)
        }
        let test = data.test.map { test in
            let result = network.evaluate(test, through: batch)
            return TestMetrics(loss: result.loss, accuracy: result.accuracy)
        }
        if config.train.saveWeights.contains(.final) { savedWeights[.final] = network.namedArrays() }
        var complete = record(.complete, test: test)
        complete.landscape = config.analysis?.interpolation.map {
            LossInterpolation(settings: $0).landscape(of: network, from: initialParameters, train: data.train,
                                                      validation: data.validation, batch: batch)
        } ?? []
        complete.weights = savedWeights
        return complete
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
