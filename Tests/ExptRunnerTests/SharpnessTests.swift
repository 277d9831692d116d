import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore
import Foundation
import Testing

@testable import ExptRunner

/// Sharpness, the largest eigenvalue of the loss's Hessian, on cases whose Hessian is known by hand.
struct SharpnessTests {
    static func functionSpec(_ function: FunctionSettings, steps: Int, recordEvery: Int = 1, sharpness: SharpnessSettings) -> RunSpec {
        let config = RunConfig(data: DataConfig(dataset: DatasetConfig(function)), model: [], loss: .crossEntropy,
                               train: TrainConfig(epochs: steps, batchSize: .full, recordEvery: recordEvery), optimizer: .sgd(.init(lr: 0.05)),
                               analysis: AnalysisConfig(sharpness: sharpness))
        return RunSpec(variant: "v", seed: 0, config: config)
    }

    /// The Hessian of ½ (x² + 10 y²) is diag(1, 10) everywhere: λ_max = 10. Its gradient is
    /// linear, so the central difference is exact up to rounding. From v₀ = (1, 1)/√2, v_k ∝
    /// (1, 10ᵏ), so λ_k = (1 + 10 · 100ᵏ) / (1 + 100ᵏ) = 10 − 9 / (1 + 100ᵏ): 5.5, 9.911, 9.9991,
    /// 9.999991, 9.99999991; the last change, 8.9e-6, is the first ≤ 10⁻⁶ · 10, so the result is
    /// λ₄ = 10 − 9 / (1 + 10⁸). Measured at steps 2 and 4 (`every: 2`) and the last, 5.
    @Test func theQuadraticsSharpnessIsTen() {
        let function = FunctionSettings(function: .quadratic, start: [2, 1], conditionNumber: 10)
        let record = Executor().run(Self.functionSpec(function, steps: 5, sharpness: SharpnessSettings(iterations: 20, every: 2)))
        #expect(record.status == .complete)
        #expect(record.epochs.map { $0.sharpness != nil } == [false, true, false, true, true])
        for value in record.epochs.compactMap(\.sharpness) {
            #expect(abs(value - (10 - 9 / (1 + 1e8))) <= 1e-9, "\(value)")
        }
    }

    /// On a test function only the recorded steps are measured: with `record_every: 3` over 7
    /// steps, steps 3, 6 and 7 are recorded, and of those `every: 2` measures 6 and the last, 7.
    @Test func onlyRecordedStepsAreMeasured() {
        let function = FunctionSettings(function: .quadratic, start: [2, 1], conditionNumber: 10)
        let record = Executor().run(Self.functionSpec(function, steps: 7, recordEvery: 3, sharpness: SharpnessSettings(every: 2)))
        #expect(record.epochs.map(\.step) == [3, 6, 7])
        #expect(record.epochs.map { $0.sharpness != nil } == [false, true, true])
    }

    /// Rosenbrock's Hessian at its minimum (1, 1) is [[802, −400], [−400, 200]]: λ_max =
    /// 501 + √(301² + 400²) = 501 + √250601 = 1001.6006392... Its gradient is cubic, so the central
    /// difference has a truncation error ∝ ε²; with ε = ∛(2⁻⁵²) · (1 + √2) it is 5e-11 relative.
    @Test func rosenbrocksSharpnessAtTheMinimum() {
        let function = FunctionSettings(function: .rosenbrock)
        let value = function.sharpness(at: [1, 1], iterations: 100)
        #expect(abs(value! - (501 + 250601.0.squareRoot())) <= 1e-9 * 1001.6, "\(value!)")
    }

    /// A symmetric 2x2 Hessian [[2, 1], [1, 2]] (eigenvalues 3 and 1), given as the gradient
    /// (2x + y, x + 2y); the iteration stops once λ changes by less than 1e-4 relative.
    @Test func powerIterationFindsTheLargerEigenvalue() {
        let iteration = HessianPowerIteration(iterations: 50, machineEpsilon: Double.ulpOfOne)
        let value = iteration.largestEigenvalue(at: [0.3, -0.7], start: [1, 0]) { p, g in
            g[0] = 2 * p[0] + p[1]
            g[1] = p[0] + 2 * p[1]
        }
        #expect(abs(value! - 3) <= 1e-4, "\(value!)")
    }

    /// Linear regression y = w·x + b with mse over n = 4 examples x = (1, 0), (0, 1), (1, 1),
    /// (0, 0), one output: L = (1/n) Σ (w·x + b − y)², so H = (2/n) AᵀA over (w₁, w₂, b) with
    /// A's rows (x, 1): AᵀA = [[2, 1, 2], [1, 2, 2], [2, 2, 4]]. Its eigenvalues are 1 (for
    /// (1, −1, 0)) and those of [[3, 2], [4, 4]] on (1, 1, 0), (0, 0, 1): t² − 7t + 4 = 0, so
    /// λ_max(H) = (2/4) (7 + √33) / 2 = (7 + √33) / 4 = 3.186140661...
    /// The targets do not matter: the loss is quadratic in the parameters. The gradients are
    /// Float: the estimate is off by 1.1e-5 (3.5e-6 relative).
    @Test func linearRegressionSharpnessByHand() {
        let storage = Dataset(count: 4, featureCount: 2, features: [1, 0, 0, 1, 1, 1, 0, 0], targetCount: 1,
                              targets: [0.5, -1, 2, 0.25], classCount: nil)
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputSize: 2, layers: [.dense(DenseSpec(units: 1))], loss: .meanSquaredError, maxBatchSize: 3,
                              generator: &generator)
        let before = network.parameters.array
        // A batch of 3 rows: the 4 examples take two batches, weighted 3/4 and 1/4.
        let batch = BatchBuffers(rows: 3, featureCount: 2, form: .values(count: 1))
        let probe = SharpnessProbe(SharpnessSettings(examples: 10, iterations: 30), seed: 0, train: DatasetView(all: storage),
                                   parameterCount: 3, batch: batch)
        let value = probe.measure(network)
        #expect(abs(value! - (7 + 33.0.squareRoot()) / 4) <= 5e-5, "\(value!)")
        #expect(network.parameters.array == before)
    }

    /// Measuring every epoch and interpolating at the end change nothing of training: every
    /// loss, accuracy and gradient norm is the same as without `analysis`.
    @Test func measuringDoesNotChangeTraining() {
        let plain = sampleSpec()
        var measured = plain
        measured.config.analysis = AnalysisConfig(sharpness: SharpnessSettings(examples: 20, iterations: 3, every: 1),
                                                  interpolation: InterpolationSettings(points: 3, from: 0, to: 1))
        let without = Executor().run(plain)
        let with = Executor().run(measured)
        #expect(with.status == .complete)
        #expect(with.epochs.allSatisfy { $0.sharpness.map { $0.isFinite && $0 > 0 } == true })
        func training(_ epoch: EpochMetrics) -> [Double?] {
            [epoch.trainLoss, epoch.validationLoss, epoch.validationAccuracy, epoch.gradientNormMean, epoch.gradientNormMax]
        }
        #expect(with.epochs.map(training) == without.epochs.map(training))
        #expect(with.test == without.test)
        // α = 1 is the final weights: its validation loss is the last epoch's.
        #expect(with.landscape.map(\.alpha) == [0, 0.5, 1])
        #expect(with.landscape.last?.validationLoss == with.epochs.last?.validationLoss)
    }
}
