import Foundation
import Testing
import ExptData

@Suite struct SyntheticDatasetTests {
    /// Without noise every point is on its curve; values by hand from the formulas.
    @Test func moonsWithoutNoiseLieOnTheHalfCircles() throws {
        let data = try DatasetConfig.moons(MoonsSettings(samples: 6, noise: 0)).load(seed: 0).examples
        // Class 0, φ = 0, π/2, π: (1, 0), (0, 1), (−1, 0); class 1: (0, 0.5), (1, −0.5), (2, 0.5).
        let expected: [Double] = [1, 0, 0, 1, -1, 0, 0, 0.5, 1, -0.5, 2, 0.5]
        for (value, target) in zip(data.features, expected) { #expect(abs(Double(value) - target) < 1e-7) }
        #expect(data.targets == [0, 0, 0, 1, 1, 1])
        #expect(data.featureShape == [2] && data.classCount == 2)
    }

    @Test func circlesWithoutNoiseHaveTheirRadii() throws {
        let data = try DatasetConfig.circles(CirclesSettings(samples: 8, noise: 0, factor: 0.25)).load(seed: 0).examples
        // Four points each at angles 0, π/2, π, 3π/2.
        let expected: [Double] = [1, 0, 0, 1, -1, 0, 0, -1, 0.25, 0, 0, 0.25, -0.25, 0, 0, -0.25]
        for (value, target) in zip(data.features, expected) { #expect(abs(Double(value) - target) < 1e-7) }
        #expect(data.targets == [0, 0, 0, 0, 1, 1, 1, 1])
    }

    @Test func xorLabelsFollowTheQuadrants() throws {
        let data = try DatasetConfig.xor(XORSettings(samples: 201, noise: 0)).load(seed: 3).examples
        #expect(data.count == 201 && data.classCount == 2)
        for row in 0..<data.count {
            let x = data.features[2 * row], y = data.features[2 * row + 1]
            #expect(data.targets[row] == ((x < 0) != (y < 0) ? 1 : 0))
            #expect(abs(x) < 1 && abs(y) < 1)
        }
        #expect(data.targets.filter { $0 == 0 }.count == 101)
    }

    @Test func linearWithoutNoiseIsExactlyLinear() throws {
        let data = try DatasetConfig.linear(LinearSettings(samples: 50, features: 1, targets: 2, noise: 0)).load(seed: 4).examples
        #expect(data.classCount == nil && data.targetCount == 2 && data.featureCount == 1)
        // y = x w for each target, so y / x is the same weight in every row.
        let w0 = Double(data.targets[0]) / Double(data.features[0]), w1 = Double(data.targets[1]) / Double(data.features[0])
        for row in 0..<data.count {
            let x = Double(data.features[row])
            #expect(abs(Double(data.targets[2 * row]) - w0 * x) < 1e-5)
            #expect(abs(Double(data.targets[2 * row + 1]) - w1 * x) < 1e-5)
        }
    }

    @Test func polynomialOfDegreeOneWithoutNoiseIsALine() throws {
        let data = try DatasetConfig.polynomial(PolynomialSettings(samples: 30, degree: 1, noise: 0)).load(seed: 2).examples
        #expect(data.classCount == nil && data.targetCount == 1 && data.featureShape == [1])
        let (x0, y0, x1, y1) = (Double(data.features[0]), Double(data.targets[0]), Double(data.features[1]), Double(data.targets[1]))
        let slope = (y1 - y0) / (x1 - x0)
        for row in 0..<data.count {
            let x = Double(data.features[row])
            #expect(abs(Double(data.targets[row]) - (y0 + slope * (x - x0))) < 1e-5)
            #expect(x >= -1 && x < 1)
        }
    }

    @Test(arguments: [
        DatasetConfig.moons(MoonsSettings(samples: 40)), .circles(CirclesSettings(samples: 40)), .xor(XORSettings(samples: 40)),
        .linear(LinearSettings(samples: 40)), .polynomial(PolynomialSettings(samples: 40)),
    ])
    func sameSeedSameDataOtherSeedOtherData(config: DatasetConfig) throws {
        let a = try config.load(seed: 1).examples
        #expect(try a == config.load(seed: 1).examples)
        #expect(try a.features != config.load(seed: 2).examples.features)
        #expect(a.count == 40 && a.count == config.sampleCount)
        #expect(config.isRegression == (a.classCount == nil))
    }
}
