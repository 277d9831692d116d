import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore
import ExptTestSupport
import Foundation
import Testing

@testable import ExptRunner

/// The loss along θ(α) = (1 − α) θ₀ + α θ₁, with values computed by hand.
struct LossInterpolationTests {
    static let settings = InterpolationSettings(points: 5, from: -0.5, to: 1.5)

    /// SGD with lr 0.1 on ½ (x² + 10 y²) from (2, 1) takes one step to (1.8, 0) (x · 0.9, y · 0).
    /// Along θ(α) = (2 − 0.2α, 1 − α), f = ½ ((2 − 0.2α)² + 10 (1 − α)²), a parabola in α:
    /// α = −0.5: ½ (4.41 + 22.5) = 13.455; 0: ½ (4 + 10) = 7; 0.5: ½ (3.61 + 2.5) = 3.055;
    /// 1: ½ (3.24 + 0) = 1.62; 1.5: ½ (2.89 + 2.5) = 2.695.
    @Test func theQuadraticAlongTheLineIsAParabola() {
        let function = FunctionSettings(function: .quadratic, start: [2, 1], conditionNumber: 10)
        let config = RunConfig(data: DataConfig(dataset: DatasetConfig(function)), model: [], loss: .crossEntropy,
                               train: TrainConfig(epochs: 1, batchSize: .full), optimizer: .sgd(.init(lr: 0.1)),
                               analysis: AnalysisConfig(interpolation: Self.settings))
        let record = Executor().run(RunSpec(variant: "v", seed: 0, config: config))
        #expect(record.landscape.map(\.alpha) == [-0.5, 0, 0.5, 1, 1.5])
        for (point, expected) in zip(record.landscape, [13.455, 7, 3.055, 1.62, 2.695]) {
            #expect(abs(point.trainLoss - expected) <= 1e-12, "α = \(point.alpha): \(point.trainLoss)")
            #expect(point.validationLoss == nil)
        }
    }

    /// y = w·x + b with mse. Training examples x = (1, 0), (0, 1) with targets 1, 1; validation
    /// x = (1, 1) with target 1. From θ₀ = (w, b) = (0, 0, 0) to θ₁ = (1, 1, 0), θ(α) = (α, α, 0):
    /// the training predictions are α, α, a loss of (α − 1)²; the validation prediction is 2α, a
    /// loss of (2α − 1)². At α = −0.5, 0, 0.5, 1, 1.5: train 2.25, 1, 0.25, 0, 0.25; val 4, 1, 0, 1, 4.
    @Test func linearRegressionAlongTheLine() {
        let storage = Dataset(count: 3, featureCount: 2, features: [1, 0, 0, 1, 1, 1], targetCount: 1, targets: [1, 1, 1],
                              classCount: nil)
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputSize: 2, layers: [.dense(DenseSpec(units: 1))], loss: .meanSquaredError, maxBatchSize: 2,
                              generator: &generator)
        network.set([1, 1, 0])
        let batch = BatchBuffers(rows: 2, featureCount: 2, form: .values(count: 1))
        let landscape = LossInterpolation(settings: Self.settings).landscape(
            of: network, from: [0, 0, 0], train: DatasetView(storage, rows: [0, 1]), validation: DatasetView(storage, rows: [2]),
            batch: batch)
        #expect(landscape == [
            LandscapePoint(alpha: -0.5, trainLoss: 2.25, validationLoss: 4),
            LandscapePoint(alpha: 0, trainLoss: 1, validationLoss: 1),
            LandscapePoint(alpha: 0.5, trainLoss: 0.25, validationLoss: 0),
            LandscapePoint(alpha: 1, trainLoss: 0, validationLoss: 1),
            LandscapePoint(alpha: 1.5, trainLoss: 0.25, validationLoss: 4),
        ])
        #expect(network.parameters.array == [1, 1, 0])
    }

    /// The landscape is stored as landscape.csv in the run's folder and read back.
    @Test func theLandscapeIsStoredAndReadBack() throws {
        let scratch = try TemporaryFolder("landscape")
        defer { scratch.remove() }
        let store = RunStore(directory: scratch.file("runs"))
        var record = sampleRecord()
        record.landscape = [LandscapePoint(alpha: 0, trainLoss: 1, validationLoss: 1.5), LandscapePoint(alpha: 1, trainLoss: 0.25)]
        try store.save(record)
        let text = try String(contentsOfFile: store.folder(of: record.spec) + "/landscape.csv", encoding: .utf8)
        #expect(text == "alpha,train_loss,val_loss\n0,1,1.5\n1,0.25,\n")
        guard case .stored(let loaded, _) = store.load(record.spec) else {
            Issue.record("not stored: \(store.load(record.spec))")
            return
        }
        #expect(loaded.landscape == record.landscape)
    }
}
