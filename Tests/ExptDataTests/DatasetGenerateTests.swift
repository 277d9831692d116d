import Foundation
import Testing
import ExptData

@Suite struct DatasetGenerateTests {
    static let configs: [DatasetConfig] = [
        DatasetConfig(SpiralsSettings(samples: 301, classes: 3, noise: 0.2, turns: 2)),
        DatasetConfig(BlobsSettings(samples: 301, classes: 4, features: 5, noise: 0.7, spread: 3)),
    ]

    @Test(arguments: configs)
    func sameSeedGivesIdenticalArrays(config: DatasetConfig) throws {
        #expect(try config.load(seed: 42).examples == config.load(seed: 42).examples)
    }

    @Test(arguments: configs)
    func differentSeedsGiveDifferentFeatures(config: DatasetConfig) throws {
        let a = try config.load(seed: 1).examples, b = try config.load(seed: 2).examples
        #expect(a.features != b.features)
        #expect(a.targets == b.targets, "labels depend only on the class sizes")
    }

    @Test(arguments: configs)
    func shapesMatchTheSettings(config: DatasetConfig) throws {
        let data = try config.load(seed: 0).examples
        let (features, classes): (Int, Int) = switch config.kind {
        case let s as SpiralsSettings: (2, s.classes)
        case let s as BlobsSettings: (s.features, s.classes)
        default: (0, 0)
        }
        #expect(data.count == 301)
        #expect(data.count == config.sampleCount)
        #expect(data.featureCount == features)
        #expect(data.features.count == 301 * features)
        #expect(data.targetCount == 1)
        #expect(data.targets.count == 301)
        #expect(data.classCount == classes)
        #expect(data.features.allSatisfy { $0.isFinite })
    }

    @Test(arguments: configs)
    func classesAreBalancedWithTheRemainderFirst(config: DatasetConfig) throws {
        let data = try config.load(seed: 0).examples
        let classes = data.classCount!
        let counts = (0..<classes).map { label in data.targets.filter { $0 == Float(label) }.count }
        // 301 = 3 * 100 + 1 = 4 * 75 + 1: the first class takes the one left over.
        let expected = classes == 3 ? [101, 100, 100] : [76, 75, 75, 75]
        #expect(counts == expected)
        #expect(data.targets.allSatisfy { $0 >= 0 && $0 < Float(classes) && $0 == $0.rounded() })
        #expect(data.targets == data.targets.sorted(), "examples come grouped by class")
    }

    /// Pinned values: any change to the generator, the streams or the formula shows here.
    /// The expected numbers were reproduced independently by a Python transcription of
    /// xoshiro256**/SplitMix64, Box-Muller and the formula in `SpiralsSettings.generate`.
    @Test func spiralsPinnedValues() throws {
        let data = try DatasetConfig(SpiralsSettings(samples: 5, classes: 2, noise: 0.1, turns: 1.5)).load(seed: 7).examples
        #expect(data.features == [
            -0.3317369, -0.1378439, 0.7122102, 0.08203886, -0.89677566,
            0.21283546, 0.046468683, 0.4534445, 1.0167986, -0.16429031,
        ])
        #expect(data.targets == [0, 0, 0, 1, 1])
    }

    /// Pinned as above; the centres here are about (-2.24, -2.45, -2.21) and (-1.31, -1.32, -1.03).
    @Test func blobsPinnedValues() throws {
        let data = try DatasetConfig(BlobsSettings(samples: 4, classes: 2, features: 3, noise: 0.5, spread: 2)).load(seed: 7).examples
        #expect(data.features == [
            -1.78514, -2.7375977, -2.6518376, -1.5855573, -2.7651038, -2.1240609,
            -1.3304981, -1.4191078, -1.1952676, -1.2233052, -1.0263833, -0.8658266,
        ])
        #expect(data.targets == [0, 0, 1, 1])
    }

    /// Without noise, example i of class k of n_k lies at radius t = (i + 1) / n_k and angle
    /// 2π·turns·t + 2π·k/K (modulo 2π).
    @Test func spiralsFollowTheRadiusAngleFormulaWithoutNoise() throws {
        let turns = 1.25, classes = 3
        let data = try DatasetConfig(SpiralsSettings(samples: 30, classes: classes, noise: 0, turns: turns)).load(seed: 3).examples
        for row in 0..<data.count {
            let k = Int(data.targets[row]), i = row - 10 * k
            let t = Double(i + 1) / 10
            let x = Double(data.features[2 * row]), y = Double(data.features[2 * row + 1])
            #expect(abs((x * x + y * y).squareRoot() - t) < 1e-6)
            let expectedAngle = 2 * Double.pi * (turns * t + Double(k) / Double(classes))
            let difference = remainder(atan2(y, x) - expectedAngle, 2 * Double.pi)
            #expect(abs(difference) < 1e-5, "row \(row)")
        }
        // The arms start at angles 2π·turns/10 + 2πk/3 and end on the unit circle.
        #expect(abs(Double(data.features[2 * 9]) - cos(2 * Double.pi * turns)) < 1e-6)
    }

    @Test func blobsSpreadBoundsTheCentres() throws {
        let data = try DatasetConfig(BlobsSettings(samples: 50, classes: 5, features: 3, noise: 0, spread: 2)).load(seed: 9).examples
        #expect(data.features.allSatisfy { $0 >= -2 && $0 < 2 })
        // With no noise every example of a class sits on its centre.
        for k in 0..<5 {
            let rows = (0..<50).filter { Int(data.targets[$0]) == k }
            let first = Array(data.features[rows[0] * 3 ..< rows[0] * 3 + 3])
            #expect(rows.allSatisfy { Array(data.features[$0 * 3 ..< $0 * 3 + 3]) == first })
        }
    }

    @Test func blobCentresDoNotMoveWhenSamplesChange() throws {
        let few = try DatasetConfig(BlobsSettings(samples: 4, classes: 2, features: 2, noise: 0)).load(seed: 5).examples
        let many = try DatasetConfig(BlobsSettings(samples: 40, classes: 2, features: 2, noise: 0)).load(seed: 5).examples
        #expect(Array(few.features[0..<2]) == Array(many.features[0..<2]))
        #expect(Array(few.features[4..<6]) == Array(many.features[40..<42]))
    }

    @Test func oddSettingsNeverTrap() throws {
        let fewer = try DatasetConfig(SpiralsSettings(samples: 2, classes: 5)).load(seed: 0).examples
        #expect(fewer.count == 2 && fewer.classCount == 5 && fewer.targets == [0, 1])
        let one = try DatasetConfig(BlobsSettings(samples: 1, classes: 1, features: 1)).load(seed: 0).examples
        #expect(one.count == 1 && one.classCount == 1 && one.targets == [0])
        let empty = try DatasetConfig(SpiralsSettings(samples: 0, classes: 0)).load(seed: 0).examples
        #expect(empty.count == 0 && empty.classCount == 1 && empty.features.isEmpty)
    }

    @Test func settingsAreListedByManifestName() {
        let config = DatasetConfig(SpiralsSettings())
        #expect(config.settings.map(\.name) == ["samples", "classes", "noise", "turns"])
        #expect(config.settings.map(\.value) == ["1000", "2", "0.1", "1.5"])
    }
}

extension DatasetConfig: CustomTestStringConvertible {
    public var testDescription: String { name }
}
