import Foundation
import Testing
import ExptData
import ExptTestSupport

@Suite struct SyntheticDatasetTests {
    /// Without noise every point is on its curve; values by hand from the formulas.
    @Test func moonsWithoutNoiseLieOnTheHalfCircles() throws {
        let data = try DatasetConfig(MoonsSettings(samples: 6, noise: 0)).load(seed: 0).examples
        // Class 0, φ = 0, π/2, π: (1, 0), (0, 1), (−1, 0); class 1: (0, 0.5), (1, −0.5), (2, 0.5).
        let expected: [Double] = [1, 0, 0, 1, -1, 0, 0, 0.5, 1, -0.5, 2, 0.5]
        for (value, target) in zip(data.features, expected) { #expect(abs(Double(value) - target) < 1e-7) }
        #expect(data.targets == [0, 0, 0, 1, 1, 1])
        #expect(data.featureShape == [2] && data.classCount == 2)
    }

    @Test func circlesWithoutNoiseHaveTheirRadii() throws {
        let data = try DatasetConfig(CirclesSettings(samples: 8, noise: 0, factor: 0.25)).load(seed: 0).examples
        // Four points each at angles 0, π/2, π, 3π/2.
        let expected: [Double] = [1, 0, 0, 1, -1, 0, 0, -1, 0.25, 0, 0, 0.25, -0.25, 0, 0, -0.25]
        for (value, target) in zip(data.features, expected) { #expect(abs(Double(value) - target) < 1e-7) }
        #expect(data.targets == [0, 0, 0, 0, 1, 1, 1, 1])
    }

    @Test func xorLabelsFollowTheQuadrants() throws {
        let data = try DatasetConfig(XORSettings(samples: 201, noise: 0)).load(seed: 3).examples
        #expect(data.count == 201 && data.classCount == 2)
        for row in 0..<data.count {
            let x = data.features[2 * row], y = data.features[2 * row + 1]
            #expect(data.targets[row] == ((x < 0) != (y < 0) ? 1 : 0))
            #expect(abs(x) < 1 && abs(y) < 1)
        }
        #expect(data.targets.filter { $0 == 0 }.count == 101)
    }

    /// Values from Fixtures/regression_reference.py, which reimplements the generator and the
    /// formulas in Python: y = x W + 0.1 ε, W = [[0.405794255, -1.63225533], [-0.0808241195, -1.01627887]].
    @Test func linearTargetsAreTheReferenceValues() throws {
        let data = try DatasetConfig(LinearSettings(samples: 3, features: 2, targets: 2, noise: 0.1)).load(seed: 4).examples
        #expect(data.classCount == nil && data.targetCount == 2 && data.featureCount == 2)
        expectClose(data.features, [1.07201052, 0.603431404, -1.00483394, 1.14358819, -0.398546159, -0.610662222])
        expectClose(data.targets, [0.595445216, -2.23318052, -0.487800956, 0.416915536, -0.156131878, 1.33774149])
    }

    /// Without noise, each target is x W exactly, with the reference weights above.
    @Test func linearWithoutNoiseIsTheInputTimesTheReferenceWeights() throws {
        let data = try DatasetConfig(LinearSettings(samples: 3, features: 2, targets: 2, noise: 0)).load(seed: 4).examples
        let weights: [Double] = [0.405794255, -1.63225533, -0.0808241195, -1.01627887]
        var expected: [Double] = []
        for row in 0..<3 {
            let x0 = Double(data.features[2 * row]), x1 = Double(data.features[2 * row + 1])
            expected += [x0 * weights[0] + x1 * weights[2], x0 * weights[1] + x1 * weights[3]]
        }
        expectClose(data.targets, expected)
    }

    /// Values from Fixtures/regression_reference.py: the cubic c₀ + c₁x + c₂x² + c₃x³ with
    /// c = (0.0759122691, -2.52501289, 1.53341018, -1.3440467) at the drawn points, then the same
    /// points with noise 0.1.
    @Test func polynomialTargetsAreTheReferenceValues() throws {
        let clean = try DatasetConfig(PolynomialSettings(samples: 4, degree: 3, noise: 0)).load(seed: 2).examples
        #expect(clean.classCount == nil && clean.targetCount == 1 && clean.featureShape == [1])
        expectClose(clean.features, [0.403506547, -0.387347937, -0.530168355, -0.718064129])
        expectClose(clean.targets, [-0.781581998, 1.36215329, 2.04589128, 3.17731142])
        let noisy = try DatasetConfig(PolynomialSettings(samples: 4, degree: 3, noise: 0.1)).load(seed: 2).examples
        #expect(noisy.features == clean.features)
        expectClose(noisy.targets, [-0.77769351, 1.32615721, 1.96528196, 3.09896445])
    }

    @Test(arguments: [
        DatasetConfig(MoonsSettings(samples: 40)), DatasetConfig(CirclesSettings(samples: 40)), DatasetConfig(XORSettings(samples: 40)),
        DatasetConfig(LinearSettings(samples: 40)), DatasetConfig(PolynomialSettings(samples: 40)),
    ])
    func sameSeedSameDataOtherSeedOtherData(config: DatasetConfig) throws {
        let a = try config.load(seed: 1).examples
        #expect(try a == config.load(seed: 1).examples)
        #expect(try a.features != config.load(seed: 2).examples.features)
        #expect(a.count == 40 && a.count == config.sampleCount)
        #expect(config.isRegression == (a.classCount == nil))
    }
}
