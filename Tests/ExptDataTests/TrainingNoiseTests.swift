import ExptEngine
import Testing

@testable import ExptData

/// `data.label_noise` and `data.input_noise`: on the training part only, exact in count,
/// every chosen label changed, fixed by the seed.
@Suite struct TrainingNoiseTests {
    /// 50 examples of 4 classes: example i has the feature i and the label i mod 4.
    static func loaded() -> LoadedData {
        LoadedData(examples: Dataset(count: 50, featureCount: 1, features: (0..<50).map(Float.init),
                                     targetCount: 1, targets: (0..<50).map { Float($0 % 4) }, classCount: 4))
    }

    /// 40 training examples, 10 for validation.
    static func splits() -> DataSplits {
        DataSplits(loaded(), validationFraction: 0.2, testFraction: 0, seed: 7, normalization: nil)
    }

    /// 0.0625 · 40 = 2.5 rounds to 3, 0.2 · 40 = 8, 0.25 · 40 = 10, 0.01 · 40 = 0.4 to 0.
    @Test(arguments: [(0.0625, 3), (0.2, 8), (0.25, 10), (0.01, 0), (0.975, 39)])
    func theFlippedCountIsExact(fraction: Double, count: Int) {
        let clean = Self.splits()
        let noisy = clean.withNoise(labelFraction: fraction, inputDeviation: 0, seed: 7)
        #expect(LabelNoise.flippedCount(fraction: fraction, count: 40) == count)
        #expect(noisy.flippedLabels.count == count)
        // Every recorded example is a training example whose label changed to another class.
        for flip in noisy.flippedLabels {
            #expect(flip.label == flip.example % 4)
            #expect(flip.noisyLabel != flip.label)
            #expect((0..<4).contains(flip.noisyLabel))
        }
        let trainLabels = Dictionary(uniqueKeysWithValues: zip(clean.train.rows, noisy.train.copied().targets.map(Int.init)))
        let changed = trainLabels.filter { $0.value != $0.key % 4 }.keys.sorted()
        #expect(changed == noisy.flippedLabels.map(\.example))
        #expect(noisy.train.copied().features == clean.train.copied().features)
        // Validation keeps its storage, rows, features and labels.
        #expect(noisy.validation == clean.validation)
    }

    /// The seed fixes which examples are flipped and to what (a change here changes every noisy run).
    @Test func aFixedSeedFlipsFixedExamples() {
        let noisy = Self.splits().withNoise(labelFraction: 0.2, inputDeviation: 0, seed: 7)
        #expect(noisy.flippedLabels.map(\.example) == [2, 5, 15, 18, 23, 25, 32, 41])
        #expect(noisy.flippedLabels.map(\.label) == [2, 1, 3, 2, 3, 1, 0, 1])
        #expect(noisy.flippedLabels.map(\.noisyLabel) == [3, 0, 2, 3, 0, 2, 3, 2])
    }

    @Test func inputNoiseChangesTrainingFeaturesOnly() {
        let clean = Self.splits()
        let noisy = clean.withNoise(labelFraction: 0, inputDeviation: 0.5, seed: 7)
        #expect(noisy.flippedLabels.isEmpty)
        #expect(noisy.validation == clean.validation)
        #expect(noisy.train.copied().targets == clean.train.copied().targets)
        let differences = zip(noisy.train.copied().features, clean.train.copied().features).map { $0 - $1 }
        #expect(differences.allSatisfy { $0 != 0 && abs($0) < 0.5 * 6 })
        #expect(clean.withNoise(labelFraction: 0, inputDeviation: 0.5, seed: 7) == noisy)
    }

    @Test func noNoiseIsTheSameSplits() {
        #expect(Self.splits().withNoise(labelFraction: 0, inputDeviation: 0, seed: 7) == Self.splits())
    }
}
