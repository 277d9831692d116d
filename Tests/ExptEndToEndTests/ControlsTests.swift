import ExptConfig
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore
import Foundation
import Testing

@testable import ExptRunner
import ExptTestSupport

/// Per-layer optimizers, the learning-rate controller and whole runs with schedules, clipping
/// and parameter groups.
struct ControlsTests {
    /// A network of 1 input, dense 1 → dense 1: layer 0 owns parameters 0..<2 (w, b), layer 1 owns 2..<4.
    func tinyNetwork() -> Network {
        var generator = SeededGenerator(seed: 0, stream: 1)
        return Network(inputSize: 1, layers: [.dense(DenseSpec(units: 1)), .dense(DenseSpec(units: 1))],
                       loss: .meanSquaredError, maxBatchSize: 1, generator: &generator)
    }

    /// Layer 0 by the run's SGD (lr 0.1), layer 1 by Adam (lr 0.01), from θ = 1 everywhere with
    /// g = [0.5, −1, 2, 4]. SGD: 1 − 0.1 g = [0.95, 1.1]. Adam's first step is lr · g/(|g| + ε)
    /// in effect: 1 − 0.01 sign(g) = [0.99, 0.99]. With the schedule at half the base rate
    /// (0.05 for lr 0.1), both halve: SGD [0.975, 1.05], Adam [0.995, 0.995].
    @Test(arguments: [(0.1, [Float(0.95), 1.1, 0.99, 0.99]), (0.05, [0.975, 1.05, 0.995, 0.995])])
    func eachLayerMovesByItsOwnRule(_ learningRate: Double, _ expected: [Float]) {
        let network = tinyNetwork()
        #expect(network.parameterRanges.map(\.range) == [0..<2, 2..<4])
        network.parameters.fill(1)
        for (i, g) in [Float(0.5), -1, 2, 4].enumerated() { network.gradients[i] = g }
        let optimizer = GroupedOptimizer(
            optimizer: .sgd(SGDHyperparameters(lr: 0.1)),
            groups: [ParameterGroup(layers: [1], optimizer: .adam(AdamHyperparameters(lr: 0.01)))],
            ranges: network.parameterRanges.map(\.range), layout: network.parameterLayout)
        optimizer.step(parameters: network.parameters, gradients: network.gradients, learningRate: learningRate, runBaseLearningRate: 0.1)
        for (actual, wanted) in zip(network.parameters.array, expected) {
            #expect(abs(actual - wanted) <= 1e-6, "\(network.parameters.array)")
        }
    }

    /// One optimizer per contiguous run of layers in the same group.
    @Test func segmentsAreContiguousRangesOfOneGroup() {
        let ranges = [0..<2, 2..<4, 4..<6]
        let layout = ParameterLayout(tensors: ranges.enumerated().map { ParameterTensor(name: "\($0)", range: $1, shape: [$1.count]) })
        let adam = OptimizerConfig.adam(AdamHyperparameters(lr: 0.01))
        let split = GroupedOptimizer(optimizer: .sgd(SGDHyperparameters()), groups: [ParameterGroup(layers: [0, 2], optimizer: adam)], ranges: ranges, layout: layout)
        #expect(split.segments.map(\.range) == [0..<2, 2..<4, 4..<6])
        #expect(split.segments.map(\.baseLearningRate) == [0.01, nil, 0.01])
        let joined = GroupedOptimizer(optimizer: .sgd(SGDHyperparameters()), groups: [ParameterGroup(layers: [2, 1], optimizer: adam)], ranges: ranges, layout: layout)
        #expect(joined.segments.map(\.range) == [0..<2, 2..<6])
        #expect(GroupedOptimizer(optimizer: .sgd(SGDHyperparameters()), groups: [], ranges: ranges, layout: layout).segments.map(\.range) == [0..<6])
    }

    /// A per-step cosine over the run after a warm-up of 1 epoch: 4 steps an epoch, 3 epochs,
    /// so the warm-up lasts 4 steps (0.25, 0.4375, 0.625, 0.8125 of base 1 from start factor 0.25)
    /// and t_max defaults to the 8 steps left: step 4 + k gives (1 + cos(π k/8))/2.
    @Test func warmupInEpochsOnAPerStepSchedule() throws {
        let config = ScheduleConfig(kind: .init(CosineAnnealing.Settings()), interval: .step,
                                    warmup: .init(length: 1, unit: .epoch, startFactor: 0.25))
        let controller = try LearningRateController(config, baseLearningRate: 1, stepsPerEpoch: 4, epochs: 3)
        let rates = (0..<12).map { controller.learningRate(step: $0, epoch: $0 / 4) }
        let expected = [0.25, 0.4375, 0.625, 0.8125] + (0..<8).map { (1 + cos(Double.pi * Double($0) / 8)) / 2 }
        for (rate, wanted) in zip(rates, expected) { #expect(abs(rate - wanted) <= 1e-15) }
    }

    /// One-cycle's total is the run's steps: 2 epochs of 5 steps; linear, pct_start 0.3:
    /// phase ends 2 and 9, so step 2 is the peak and step 9 the minimum 1/10/10.
    @Test func oneCycleSpansTheRun() throws {
        var oneCycle = OneCycle.Settings()
        (oneCycle.maxLearningRate, oneCycle.pctStart, oneCycle.anneal, oneCycle.divFactor, oneCycle.finalDivFactor) = (1, 0.3, .linear, 10, 10)
        let config = ScheduleConfig(kind: .init(oneCycle))
        let controller = try LearningRateController(config, baseLearningRate: 0.1, stepsPerEpoch: 5, epochs: 2)
        #expect(controller.learningRate(step: 0, epoch: 0) == 0.1)
        #expect(controller.learningRate(step: 2, epoch: 0) == 1)
        #expect(abs(controller.learningRate(step: 9, epoch: 1) - 0.01) <= 1e-15)
    }

    /// Plateau after a warm-up of 2 epochs: the warm-up epochs' losses are not counted, then
    /// patience 0 halves the rate at the first epoch without improvement.
    @Test func plateauIsFedAfterTheWarmup() throws {
        let config = ScheduleConfig(kind: .init(PlateauSettings(factor: 0.5, patience: 0)),
                                    warmup: .init(length: 2, unit: .epoch, startFactor: 0.5))
        var controller = try LearningRateController(config, baseLearningRate: 0.2, stepsPerEpoch: 3, epochs: 5)
        func metrics(_ loss: Double) -> EpochMetrics {
            EpochMetrics(epoch: 0, step: 0, trainLoss: 0, validationLoss: loss, validationAccuracy: nil, learningRate: 0, elapsedSeconds: 0)
        }
        var rates: [Double] = []
        for (epoch, loss) in [1.0, 2.0, 1.0, 1.5, 0.5].enumerated() {
            rates.append(controller.learningRate(step: 3 * epoch, epoch: epoch))
            controller.endEpoch(epoch + 1, metrics: metrics(loss))
        }
        // Warm-up 0.2 · (0.5, 0.75); epoch 3's loss 1.0 is the first counted (best); 1.5 is worse: halve.
        #expect(rates == [0.1, 0.15000000000000002, 0.2, 0.2, 0.1])
    }

    static let manifest = """
        name: controls
        seeds: [0]
        data: {dataset: spirals, samples: 60, noise: 0.1}
        model:
          - {dense: 8, activation: relu}
          - {dense: 2}
        train: {epochs: 3, batch_size: 16}
        optimizer: {name: sgd, lr: 0.1}
        variants:
          halving:
            schedule: {name: exponential, gamma: 0.5, interval: step}
            clip: {norm: 1.0}
            param_groups: [{layers: [1], optimizer: {name: adam, lr: 0.01}}]
          stepped:
            schedule: {name: step, step_size: 1, gamma: 0.5}
        """

    /// 48 training examples in batches of 16: 3 steps an epoch. Per step, 0.1 · 0.5ᵗ at the
    /// epochs' last steps t = 2, 5, 8; per epoch, 0.1 · 0.5^(epoch − 1).
    @Test func metricsRecordTheScheduledRatesAndGradientNorms() throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let metrics = CSVTable(try fixture.read("metrics.csv"))
        func values(_ variant: String, _ metric: String) -> [String] {
            metrics.rows.filter { $0["variant"] == variant && $0["metric"] == metric }.map { $0["value"]! }
        }
        #expect(values("halving", "lr") == ["0.025", "0.003125", "0.000390625"])
        #expect(values("stepped", "lr") == ["0.1", "0.05", "0.025"])
        for variant in ["halving", "stepped"] {
            let means = values(variant, "grad_norm_mean").map { Double($0)! }
            let maxima = values(variant, "grad_norm_max").map { Double($0)! }
            #expect(means.count == 3 && maxima.count == 3)
            #expect(zip(means, maxima).allSatisfy { $0 > 0 && $0 <= $1 })
        }

        let summary = CSVTable(try fixture.read("summary.csv"))
        #expect(summary.rows.count == 2)
        #expect(summary.rows.map { $0["schedule"] } == ["exponential (gamma 0.5) per step", "step (step_size 1, gamma 0.5) per epoch"])
        #expect(summary.rows.map { $0["clip"] } == ["norm 1.0", ""])
        #expect(summary.rows[0]["param_groups"]
            == "layer 1: adam (lr 0.01, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0, amsgrad false)")
        #expect(summary.rows[1]["param_groups"] == "")
        let maxNorm = Double(summary.rows[1]["max_grad_norm"]!)!
        #expect(maxNorm == values("stepped", "grad_norm_max").map { Double($0)! }.max())

        let report = try fixture.read("report.md")
        #expect(report.contains("| schedule | gradient clipping | parameter groups |"))
    }

    /// Two epochs at lr 0.1, then milestone 2 multiplies it by 1e32: the first step of epoch 3
    /// (step 7) still has a finite loss but throws the weights to ~1e30, so step 8's loss is not
    /// finite and the run ends there with its two recorded epochs.
    @Test func aRunThatDivergesUnderItsScheduleStopsAtTheStep() throws {
        let fixture = try StoreFixture(manifest: Self.manifest.replacingOccurrences(
            of: "schedule: {name: step, step_size: 1, gamma: 0.5}", with: "schedule: {name: multistep, milestones: [2], gamma: 1.0e+32}"))
        defer { fixture.remove() }
        #expect(try fixture.run() == 3)
        let summary = CSVTable(try fixture.read("summary.csv"))
        #expect(summary.rows.map { $0["status"] } == ["complete", "diverged"])
        #expect(summary.rows[1]["steps"] == "8")
        let metrics = CSVTable(try fixture.read("metrics.csv"))
        #expect(metrics.rows.filter { $0["variant"] == "stepped" && $0["metric"] == "lr" }.map { $0["value"] } == ["0.1", "0.1"])
    }
}
