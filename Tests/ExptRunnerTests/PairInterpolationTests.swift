import ExptConfig
import ExptData
import ExptEngine
import ExptManifest
import ExptStore
import Testing

@testable import ExptRunner

/// The loss along θ(α) = (1 − α) θ_a + α θ_b between two sets of final weights, computed by hand.
struct PairInterpolationTests {
    /// Two dense layers of one unit, y = v (w x + c) + d, with mse. θ_a = (w, c, v, d) = (1, 0, 1, 0) and
    /// θ_b = (−1, 0, −1, 0) compute the same function y = x; along the line w = v = 1 − 2α, so
    /// y = (1 − 2α)² x. Training example x = 1, t = 1: L = ((1 − 2α)² − 1)², at α = −0.5, 0, 0.5, 1,
    /// 1.5: 9, 0, 1, 0, 9. Validation x = 2, t = 2: 4 ((1 − 2α)² − 1)²: 36, 0, 4, 0, 36. Both ends are
    /// minima (loss 0) and the midpoint, the zero function, has loss 1: a barrier of 1 − max(0, 0) = 1.
    @Test func theLineBetweenTwoMinimaOfAProductCrossesABarrier() throws {
        let storage = Dataset(count: 2, featureCount: 1, features: [1, 2], targetCount: 1, targets: [1, 2], classCount: nil)
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputSize: 1, layers: [.dense(DenseSpec(units: 1)), .dense(DenseSpec(units: 1))], loss: .meanSquaredError,
                              maxBatchSize: 1, generator: &generator)
        func weights(_ w: Float, _ v: Float) -> [NamedArray] {
            [NamedArray(name: "0.weight", shape: [1, 1], values: [w]), NamedArray(name: "0.bias", shape: [1], values: [0]),
             NamedArray(name: "1.weight", shape: [1, 1], values: [v]), NamedArray(name: "1.bias", shape: [1], values: [0])]
        }
        let batch = BatchBuffers(rows: 1, featureCount: 1, form: .values(count: 1))
        let points = try LossInterpolation(settings: InterpolationSettings(points: 5, from: -0.5, to: 1.5)).landscape(
            of: network, between: weights(1, 1), and: weights(-1, -1), train: DatasetView(storage, rows: [0]),
            validation: DatasetView(storage, rows: [1]), batch: batch)
        #expect(points == [
            LandscapePoint(alpha: -0.5, trainLoss: 9, validationLoss: 36),
            LandscapePoint(alpha: 0, trainLoss: 0, validationLoss: 0),
            LandscapePoint(alpha: 0.5, trainLoss: 1, validationLoss: 4),
            LandscapePoint(alpha: 1, trainLoss: 0, validationLoss: 0),
            LandscapePoint(alpha: 1.5, trainLoss: 9, validationLoss: 36),
        ])
        #expect(PairLandscape(pair: VariantPair("a", "b"), seed: 0, points: points).barrier == 1)
    }

    /// Linear regression y = w·x + b with mse is a quadratic in θ: the line between two points is a
    /// parabola, convex, so no barrier. x = (1, 0), (0, 1), targets 1, 1; θ_a = (w₁, w₂, b) = (1, 1, 0)
    /// (loss 0) and θ_b = (0, 0, 0) (loss 1): θ(α) = (1 − α, 1 − α, 0), predictions 1 − α, a loss of α²:
    /// 0.25, 0, 0.25, 1, 2.25 at α = −0.5 … 1.5; the highest in [0, 1] is the end α = 1: a barrier of 0.
    @Test func theLineOfAQuadraticIsAParabolaWithoutBarrier() throws {
        let storage = Dataset(count: 2, featureCount: 2, features: [1, 0, 0, 1], targetCount: 1, targets: [1, 1], classCount: nil)
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputSize: 2, layers: [.dense(DenseSpec(units: 1))], loss: .meanSquaredError, maxBatchSize: 2,
                              generator: &generator)
        func weights(_ w: Float) -> [NamedArray] {
            [NamedArray(name: "0.weight", shape: [1, 2], values: [w, w]), NamedArray(name: "0.bias", shape: [1], values: [0])]
        }
        let points = try LossInterpolation(settings: InterpolationSettings(points: 5, from: -0.5, to: 1.5)).landscape(
            of: network, between: weights(1), and: weights(0), train: DatasetView(storage, rows: [0, 1]),
            validation: DatasetView(storage, rows: []), batch: BatchBuffers(rows: 2, featureCount: 2, form: .values(count: 1)))
        #expect(points == [(-0.5, 0.25), (0, 0), (0.5, 0.25), (1, 1), (1.5, 2.25)].map { LandscapePoint(alpha: $0.0, trainLoss: $0.1) })
        #expect(PairLandscape(pair: VariantPair("a", "b"), seed: 0, points: points).barrier == 0)
    }
}
